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
    /// Real-name verification for holders of a physical card: the choice, the two forms, the SMS code.
    case realName
    case realNameBankCard
    case realNamePhone
    case realNameCode
    case realNameResend
    /// `Change password`, signed in, and the page that confirms it.
    case changePassword
    case passwordChanged
    /// `Forgot password?` from either login page: the number, the proof (SMS code or face), the new password.
    case forgotPassword(LoginPortal)
    case resetCode
    case resetResend
    case resetFace
    case newPassword
    case passwordReset
    /// The services menu of the guide: Human Resources and Social Security Services → Talent Affairs →
    /// Foreigners holding Work Permits (the permit number), then the PIN and the permit's own pages.
    case hrServices
    case talentAffairs
    case workPermitServices
    case pin
    case changePin
    case permit
    /// The QR image of a token for the permit page.
    case permitQR(token: String)
    /// The Notification Letter as a PDF: `Download` (attachment) or `Open with another application` (inline).
    case letter(inline: Bool)
    /// The holder's reminders about the permit (`Mark as read`).
    case reminders
    /// The page an officer's scan opens, and the public key for checking tokens offline.
    case verifyQR(token: String)
    case qrPublicKey
    /// The development SMS gateway's outbox (answers 404 where no development gateway is configured).
    case smsOutbox
    /// Remembers the language and goes back to the page the link was on.
    case language(Language, returnTo: Route)

    /// One value of every case (and of each parameter's kinds), for the round-trip and access tests.
    public static let allExamples: [Route] = [
        .home, .login, .permitLogin, .registration, .faceRecognition, .card, .logout,
        .realName, .realNameBankCard, .realNamePhone, .realNameCode, .realNameResend, .smsOutbox,
        .changePassword, .passwordChanged, .forgotPassword(.workPermit), .forgotPassword(.socialSecurity), .resetCode,
        .resetResend, .resetFace, .newPassword, .passwordReset,
        .hrServices, .talentAffairs, .workPermitServices, .pin, .changePin, .permit, .permitQR(token: "abc.def"), .letter(inline: false), .letter(inline: true), .reminders,
        .verifyQR(token: "abc.def"), .qrPublicKey,
        .language(.chinese, returnTo: .login), .language(.english, returnTo: .home),
        .language(.chinese, returnTo: .card),
    ]

    /// Where a signed-in account belongs: facial recognition until it is done, real-name verification for holders
    /// of a physical card, the card page after.
    public static func landing(for account: Account) -> Route {
        landing(for: account.state)
    }

    public static func landing(for state: Account.State) -> Route {
        switch state {
        case .pendingFace: .faceRecognition
        case .pendingRealName: .realName
        case .active: .card
        }
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
        case "/real-name": self = .realName
        case "/real-name/bank-card": self = .realNameBankCard
        case "/real-name/phone": self = .realNamePhone
        case "/real-name/code": self = .realNameCode
        case "/real-name/code/resend": self = .realNameResend
        case "/development/sms": self = .smsOutbox
        case "/password/change": self = .changePassword
        case "/password/changed": self = .passwordChanged
        case "/password/forgot/permit": self = .forgotPassword(.workPermit)
        case "/password/forgot/social-security": self = .forgotPassword(.socialSecurity)
        case "/password/reset/code": self = .resetCode
        case "/password/reset/code/resend": self = .resetResend
        case "/password/reset/face": self = .resetFace
        case "/password/reset/new": self = .newPassword
        case "/password/reset/done": self = .passwordReset
        case "/services": self = .hrServices
        case "/services/talent-affairs": self = .talentAffairs
        case "/services/talent-affairs/work-permit": self = .workPermitServices
        case "/permit/pin": self = .pin
        case "/permit/pin/change": self = .changePin
        case "/permit": self = .permit
        case "/reminders": self = .reminders
        case "/permit/letter/download": self = .letter(inline: false)
        case "/permit/letter/open": self = .letter(inline: true)
        case "/permit/qr.svg": self = .permitQR(token: QueryString.value(of: "t", in: query) ?? "")
        case "/verify": self = .verifyQR(token: QueryString.value(of: "t", in: query) ?? "")
        case "/verify/public-key": self = .qrPublicKey
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
        case .realName: "/real-name"
        case .realNameBankCard: "/real-name/bank-card"
        case .realNamePhone: "/real-name/phone"
        case .realNameCode: "/real-name/code"
        case .realNameResend: "/real-name/code/resend"
        case .smsOutbox: "/development/sms"
        case .changePassword: "/password/change"
        case .passwordChanged: "/password/changed"
        case .forgotPassword(.workPermit): "/password/forgot/permit"
        case .forgotPassword(.socialSecurity): "/password/forgot/social-security"
        case .resetCode: "/password/reset/code"
        case .resetResend: "/password/reset/code/resend"
        case .resetFace: "/password/reset/face"
        case .newPassword: "/password/reset/new"
        case .passwordReset: "/password/reset/done"
        case .hrServices: "/services"
        case .talentAffairs: "/services/talent-affairs"
        case .workPermitServices: "/services/talent-affairs/work-permit"
        case .pin: "/permit/pin"
        case .changePin: "/permit/pin/change"
        case .permit: "/permit"
        case .reminders: "/reminders"
        case .letter(let inline): inline ? "/permit/letter/open" : "/permit/letter/download"
        case .permitQR(let token): "/permit/qr.svg?t=\(QueryString.encode(token))"
        case .verifyQR(let token): "/verify?t=\(QueryString.encode(token))"
        case .qrPublicKey: "/verify/public-key"
        case .language(let language, let target): Self.languageLink(to: language) + QueryString.encode(target.path)
        }
    }

    private static let languagePrefix = "/language/"
    private static let returnParameter = "return"

    /// A language link up to its return path, which follows percent-encoded: `/language/zh?return=`.
    static func languageLink(to language: Language) -> String {
        "\(languagePrefix)\(language.rawValue)?\(returnParameter)="
    }

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
