import PortalCore

/// Every page of the portal. Links and redirects are built from these cases, never typed as strings: `path`
/// prints a route, `init(path:query:)` parses one, and the two are tested to round-trip over `allExamples`.
public indirect enum Route: Hashable, Sendable {
    case home
    case login
    case permitLogin
    case registration
    case faceRecognition
    case card
    case logout
    /// Remembers the language and goes back to the page the link was on.
    case language(Language, returnTo: Route)

    /// One value of every case (and of each parameter's kinds), for the round-trip and access tests.
    public static let allExamples: [Route] = [
        .home, .login, .permitLogin, .registration, .faceRecognition, .card, .logout,
        .language(.chinese, returnTo: .login), .language(.english, returnTo: .home),
        .language(.chinese, returnTo: .card),
    ]

    /// Where a signed-in account belongs: facial recognition until it is done, the card page after.
    public static func landing(for account: Account) -> Route {
        account.state == .pendingFace ? .faceRecognition : .card
    }

    /// The route a request names; nil for paths the portal does not have. A trailing slash names the same
    /// page ("/login/" is "/login"). `query` is the raw query string (`return=%2Flogin`).
    public init?(path: String, query: String = "") {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        switch trimmed {
        case "/": self = .home
        case "/login": self = .login
        case "/login/permit": self = .permitLogin
        case "/register": self = .registration
        case "/register/face": self = .faceRecognition
        case "/card": self = .card
        case "/logout": self = .logout
        default:
            guard trimmed.hasPrefix(Self.languagePrefix),
                  let language = Language(rawValue: String(trimmed.dropFirst(Self.languagePrefix.count))) else {
                return nil
            }
            self = .language(language, returnTo: Self.returnTarget(in: query))
        }
    }

    /// The route printed as a link: path, and a query where the case has one.
    public var path: String {
        switch self {
        case .home: "/"
        case .login: "/login"
        case .permitLogin: "/login/permit"
        case .registration: "/register"
        case .faceRecognition: "/register/face"
        case .card: "/card"
        case .logout: "/logout"
        case .language(let language, let target):
            "\(Self.languagePrefix)\(language.rawValue)?\(Self.returnParameter)=\(QueryString.encode(target.path))"
        }
    }

    private static let languagePrefix = "/language/"
    private static let returnParameter = "return"

    /// The page a language link goes back to: a route of the portal, never another site (no open redirect)
    /// and never another language link; the home page when the query names none.
    private static func returnTarget(in query: String) -> Route {
        guard let target = QueryString.value(of: returnParameter, in: query) else { return .home }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        guard target.hasPrefix("/"), !target.hasPrefix("//"),
              let route = Route(path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "") else {
            return .home
        }
        if case .language = route { return .home }
        return route
    }
}
