import HTTPTypes
import PortalCore

/// Turns a `Page` into a response for the current visitor: adds the session's CSRF token for the forms on it
/// (starting an anonymous session when there is none) and the signed-in layout.
struct PageResponder: Sendable {
    let renderer: PageRenderer
    let sessions: SessionService

    func respond(_ page: Page, in context: RequestContext, status: HTTPResponse.Status = .ok) throws -> WebResponse {
        guard context.sessionToken == nil else { return render(page, token: context.sessionToken, context, status) }
        let token = try sessions.startAnonymous().token
        return render(page, token: token, context, status).adding(.set(token, secure: context.request.isHTTPS))
    }

    /// A page that needs no form and no session (the home page, error pages for anonymous visitors).
    func respondWithoutSession(_ page: Page, in context: RequestContext, status: HTTPResponse.Status = .ok) -> WebResponse {
        render(page, token: context.sessionToken, context, status)
    }

    /// The page with the CSRF token of the session `token` names (for its forms and the Log out button).
    private func render(_ page: Page, token: String?, _ context: RequestContext, _ status: HTTPResponse.Status) -> WebResponse {
        var page = page
        page.csrfToken = token.map(SessionService.csrfToken(for:))
        page.signedIn = context.account != nil
        return WebResponse.html(renderer.render(page), status: status)
    }

    /// A redirect that also hands the browser its new session id.
    func redirect(to route: Route, newSession: NewSession, in context: RequestContext) -> WebResponse {
        WebResponse.redirect(to: route).adding(.set(newSession.token, secure: context.request.isHTTPS))
    }

    var messages: MessageCatalogue { renderer.messages }
}
