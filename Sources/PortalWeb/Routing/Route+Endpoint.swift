import HTTPTypes

/// What the pipeline and nginx must know of a route, declared once beside its case: the methods it answers,
/// who may use it, and the facts nginx enforces before a request reaches the app.
public struct Endpoint: Sendable, Equatable {
    public let methods: [HTTPRequest.Method]
    public let access: Access
    /// nginx limits POSTs per address: each one costs an Argon2id hash.
    public let rateLimitsPosts: Bool
    /// The largest body nginx lets through; nil for the site's default (`defaultBodyBytes`).
    public let maximumBodyBytes: Int?
    /// The page may use the camera (Permissions-Policy).
    public let usesCamera: Bool
    /// nginx limits every request per address (GETs too): the officers' verification page.
    public var rateLimitsAll = false

    /// Forms: 1 MB is far beyond any text form of the portal.
    public static let defaultBodyBytes = 1 << 20

    /// A page that only shows something.
    static func page(_ access: Access) -> Endpoint {
        Endpoint(methods: [.get, .head], access: access, rateLimitsPosts: false, maximumBodyBytes: nil, usesCamera: false)
    }

    /// A page with a form that posts back to it.
    static func form(_ access: Access, rateLimitsPosts: Bool = false, maximumBodyBytes: Int? = nil,
                     usesCamera: Bool = false) -> Endpoint {
        Endpoint(methods: [.get, .head, .post], access: access, rateLimitsPosts: rateLimitsPosts,
                 maximumBodyBytes: maximumBodyBytes, usesCamera: usesCamera)
    }

    /// A button's target: POST only.
    static func action(_ access: Access, rateLimitsPosts: Bool = false) -> Endpoint {
        Endpoint(methods: [.post], access: access, rateLimitsPosts: rateLimitsPosts, maximumBodyBytes: nil, usesCamera: false)
    }

    func limitingEveryRequest() -> Endpoint {
        var copy = self
        copy.rateLimitsAll = true
        return copy
    }

    /// The `Allow` header of a 405: exactly the methods answered.
    var allowHeader: String { methods.map(\.rawValue).joined(separator: ", ") }
}

extension Route {
    public var endpoint: Endpoint {
        switch self {
        case .home: .page(.anyone)
        case .login, .permitLogin, .registration: .form(.signedOut, rateLimitsPosts: true)
        // Uploads are rate limited too: each is up to 5 MB for the app to read.
        case .faceRecognition: .form(.registering, rateLimitsPosts: true, maximumBodyBytes: FaceUpload.maximumBodyBytes,
                                     usesCamera: true)
        case .card: .page(.signedIn)
        case .logout: .action(.anyone)
        case .realName: .page(.verifyingRealName)
        // Each send asks an outside check and the SMS gateway; each code entry is a guess: all limited per address.
        case .realNameBankCard, .realNamePhone, .realNameCode: .form(.verifyingRealName, rateLimitsPosts: true)
        case .realNameResend: .action(.verifyingRealName, rateLimitsPosts: true)
        case .smsOutbox: .page(.anyone)
        case .changePassword: .form(.signedIn, rateLimitsPosts: true)
        case .passwordChanged: .page(.signedIn)
        case .forgotPassword: .form(.signedOut, rateLimitsPosts: true)
        case .resetCode, .newPassword: .form(.resettingPassword, rateLimitsPosts: true)
        case .resetResend: .action(.resettingPassword, rateLimitsPosts: true)
        case .resetFace: .form(.resettingPassword, rateLimitsPosts: true, maximumBodyBytes: FaceUpload.maximumBodyBytes,
                               usesCamera: true)
        case .passwordReset: .page(.signedOut)
        case .hrServices, .talentAffairs: .page(.signedIn)
        case .workPermitServices, .pin: .form(.signedIn, rateLimitsPosts: true)
        case .changePin: .form(.permitServices, rateLimitsPosts: true)
        case .permit, .permitQR, .letter: .page(.permitServices)
        case .verifyQR: .page(.anyone).limitingEveryRequest()
        case .qrPublicKey: .page(.anyone)
        case .reminders: .form(.signedIn)
        case .language: .page(.anyone)
        }
    }
}

extension Route {
    /// The largest body any route accepts: what the FastCGI server reads at most.
    public static var largestBodyBytes: Int {
        allExamples.map { $0.endpoint.maximumBodyBytes ?? Endpoint.defaultBodyBytes }.max() ?? Endpoint.defaultBodyBytes
    }
}
