import Foundation
import HTTPTypes
import PortalCore

/// The web application: turns one request into one response. Stateless apart from the database,
/// so the FastCGI worker threads share one instance.
///
/// The pipeline, in order: route (404), method (405 with the route's `Allow`), declared body size (413), the session
/// behind the cookie and the route's access (a redirect), only then the body is read (413 if it runs over) and
/// decoded (400), CSRF (403), and the controller. So a request that its access rules out is refused before its
/// body is even read from nginx.
public final class PortalApplication: Sendable {
    private let loader: SessionLoader
    private let resets: PasswordResetService
    private let csrf: CSRFProtection
    private let router: Router
    private let errors: ErrorPages
    private let log: @Sendable (String) -> Void

    private let permitServices: PermitServicesService

    /// - Parameter publicURL: the portal's address as people reach it (`https://portal.example`), which QR codes carry.
    public init(services: PortalServices, renderer: PageRenderer, publicURL: String = "http://127.0.0.1:8080",
                log: @escaping @Sendable (String) -> Void) {
        permitServices = services.permitServices
        csrf = CSRFProtection(secret: services.secret)
        let pages = PageResponder(renderer: renderer, csrf: csrf)
        loader = SessionLoader(sessions: services.sessions)
        resets = services.passwordReset
        router = Router(home: HomeController(pages: pages),
                        login: LoginController(pages: pages, login: services.login, reminders: services.reminders,
                                               permits: services.permitServices),
                        registration: RegistrationController(pages: pages, registration: services.registration),
                        face: FaceController(pages: pages, face: services.face),
                        card: CardController(pages: pages),
                        logout: LogoutController(sessions: services.sessions),
                        languages: LanguageController(reminders: services.reminders),
                        realName: RealNameController(pages: pages, realName: services.realName, clock: services.clock),
                        realNameCode: RealNameCodeController(pages: pages, realName: services.realName,
                                                             codes: services.codes, clock: services.clock),
                        outbox: SmsOutboxController(pages: pages, outbox: services.outbox),
                        passwordChange: PasswordChangeController(pages: pages, change: services.passwordChange),
                        forgotPassword: ForgotPasswordController(pages: pages, resets: services.passwordReset,
                                                                 clock: services.clock),
                        resetPassword: ResetPasswordController(pages: pages, resets: services.passwordReset),
                        menu: ServicesMenuController(pages: pages, services: services.permitServices),
                        pin: PinController(pages: pages, services: services.permitServices),
                        permit: PermitController(pages: pages, services: services.permitServices, qr: services.qr,
                                                 clock: services.clock),
                        verification: VerificationController(pages: pages, qr: services.qr),
                        reminders: RemindersController(pages: pages, reminders: services.reminders),
                        publicURL: publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL)
        errors = ErrorPages(pages: pages, log: log)
        self.log = log
    }

    public func respond(to request: WebRequest) -> WebResponse {
        // A login waiting for Argon2 queues in its address's turn (HashingGate), so a flood from one address
        // does not stand between everyone else and their logins.
        HashingGate.$client.withValue(request.remoteAddress ?? "") { answer(request) }
    }

    private func answer(_ request: WebRequest) -> WebResponse {
        let language = LanguageNegotiation.language(for: request)
        guard let route = Route(path: request.path, query: request.query) else {
            return errors.respond(.notFound, in: RequestContext(request: request, route: .home, language: language))
        }
        var context = RequestContext(request: request, route: route, language: language)
        let endpoint = route.endpoint
        guard endpoint.methods.contains(request.method) else {
            return errors.respond(.methodNotAllowed, in: context, allow: endpoint.allowHeader)
        }
        if request.bodyTooLarge { return errors.respond(.tooLarge, in: context) }
        do {
            let session = try loader.session(for: request)
            context = RequestContext(request: request, route: route, language: language, session: session)
            if let elsewhere = endpoint.access.redirect(for: session?.account) { return .redirect(to: elsewhere) }
            if endpoint.access == .permitServices, let session {
                // Unlocked by the PIN until five minutes pass without use.
                guard try permitServices.isUnlocked(session.record, accountID: session.account.id) else {
                    return .redirect(to: .pin)
                }
            }
            var reset: PasswordReset?
            if endpoint.access == .resettingPassword {
                reset = try resets.find(token: request.cookie(Cookie.resetName))
                guard reset != nil else { return .redirect(to: .forgotPassword(.workPermit)) }
            }
            context = RequestContext(request: request, route: route, language: language, session: session, reset: reset)
            guard request.method == .post else { return try router.respond(context) }
            // Only now is the body read from nginx at all.
            guard let body = request.readBody() else { return errors.respond(.tooLarge, in: context) }
            context = RequestContext(request: request, route: route, language: language, session: session, reset: reset,
                                     form: try FormDecoder.decode(body, contentType: request.headers[.contentType]))
            guard csrf.allows(context) else { return errors.respond(.csrf, in: context) }
            return try router.respond(context)
        } catch PipelineError.notFound {
            return errors.respond(.notFound, in: context)
        } catch is FormDecodingError {
            return errors.respond(.badRequest, in: context)
        } catch SecurityError.busy {
            return errors.respond(.busy, in: context)
        } catch {
            log("error: \(request.method) \(request.path): \(error)")
            return errors.respond(.internalError, in: context)
        }
    }
}
