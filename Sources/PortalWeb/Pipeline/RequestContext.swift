import PortalCore

/// A signed-in browser's session as the pipeline found it: the cookie's token, the stored session and its account.
public struct LiveSession: Sendable {
    public let token: String
    public let record: Session
    public let account: Account
}

/// A request with what the pipeline learned about it: the route it names, the language to answer in,
/// its live session (if any) and, for POSTs, the decoded form.
public struct RequestContext: Sendable {
    public let request: WebRequest
    public let route: Route
    public let language: Language
    public let session: LiveSession?
    /// The password reset behind the reset cookie, loaded for the routes of a reset only.
    public let reset: PasswordReset?
    public let form: FormData

    public init(request: WebRequest, route: Route, language: Language, session: LiveSession? = nil,
                reset: PasswordReset? = nil, form: FormData = FormData()) {
        self.request = request
        self.route = route
        self.language = language
        self.session = session
        self.reset = reset
        self.form = form
    }

    public var account: Account? { session?.account }

    /// The typed values worth showing again on a re-rendered form (secrets are left out by the form itself).
    public var typedValues: [String: String] {
        Dictionary(uniqueKeysWithValues: form.values.keys.map { ($0, form.text($0)) })
    }

    /// The context of a route whose access level promises an account (`registering`, `signedIn`).
    /// Throws only if a route's declared access and its controller disagree, which the route tests rule out.
    func holder() throws -> AccountContext {
        guard let session else { throw PipelineError.accessNotChecked(route) }
        return AccountContext(base: self, session: session)
    }

    /// The context of a password-reset page (access `resettingPassword`), whose reset the pipeline loaded.
    func resetting() throws -> ResetContext {
        guard let reset else { throw PipelineError.accessNotChecked(route) }
        return ResetContext(base: self, reset: reset)
    }
}

/// The context of a page of a password reset in progress.
public struct ResetContext: Sendable {
    public let base: RequestContext
    public let reset: PasswordReset
}

/// The context of a page only an account holder reaches: the account is there, no controller checks for it.
public struct AccountContext: Sendable {
    public let base: RequestContext
    public let session: LiveSession

    public var account: Account { session.account }
    public var request: WebRequest { base.request }
    public var form: FormData { base.form }
}

/// Faults of the pipeline itself: a 500, logged, never shown in detail.
enum PipelineError: Error {
    case accessNotChecked(Route)
    /// The route exists but not in this deployment (the development outbox in production): a 404.
    case notFound
}
