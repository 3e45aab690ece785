/// Every page of the portal. Links and redirects are built from these cases, never typed as strings.
public enum Route: String, Sendable, CaseIterable {
    case home = "/"
    case login = "/login"
    case permitLogin = "/login/permit"
    case registration = "/register"
    case faceRecognition = "/register/face"
    case card = "/card"
    case logout = "/logout"

    public init?(path: String) {
        // A trailing slash names the same page ("/login/" is "/login").
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.init(rawValue: trimmed)
    }

    public var path: String { rawValue }

    /// Pages that change something answer POST; the others only GET (and HEAD).
    var acceptsPost: Bool {
        switch self {
        case .login, .permitLogin, .registration, .faceRecognition, .logout: true
        case .home, .card: false
        }
    }

    var acceptsGet: Bool { self != .logout }
}
