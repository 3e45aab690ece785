import Foundation
import HTTPTypes
import PortalCore

/// The web application: turns one request into one response. Stateless apart from the database,
/// so the FastCGI worker threads share one instance.
public final class PortalApplication: Sendable {
    private let loader: SessionLoader
    private let router: Router
    private let errors: ErrorPages
    private let log: @Sendable (String) -> Void

    public init(services: PortalServices, renderer: PageRenderer, log: @escaping @Sendable (String) -> Void) {
        let pages = PageResponder(renderer: renderer, sessions: services.sessions)
        loader = SessionLoader(sessions: services.sessions)
        router = Router(home: HomeController(pages: pages),
                        login: LoginController(pages: pages, login: services.login),
                        registration: RegistrationController(pages: pages, registration: services.registration),
                        face: FaceController(pages: pages, face: services.face),
                        card: CardController(pages: pages),
                        logout: LogoutController(sessions: services.sessions))
        errors = ErrorPages(pages: pages)
        self.log = log
    }

    public func respond(to request: WebRequest) -> WebResponse {
        let bare = RequestContext(request: request, sessionToken: nil, session: nil, account: nil)
        guard let route = Route(path: request.path) else { return errors.respond(.notFound, in: bare) }
        let isPost = request.method == .post
        guard isPost ? route.acceptsPost : (route.acceptsGet && [.get, .head].contains(request.method)) else {
            return errors.respond(.methodNotAllowed(allow: route.acceptsGet ? "GET, HEAD, POST" : "POST"), in: bare)
        }
        if request.bodyTooLarge { return errors.respond(.tooLarge, in: bare) }
        var context = bare
        do {
            let form = isPost ? try FormDecoder.decode(request) : FormData()
            context = try loader.context(for: request, form: form)
            if isPost && !CSRFGuard.allows(context, to: route) { return errors.respond(.csrf, in: context) }
            return try router.respond(to: route, isPost: isPost, context)
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
