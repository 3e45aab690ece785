import PortalCore

/// Turns a `Page` into a response for the current visitor: adds the session's CSRF token for the forms on it
/// (starting an anonymous session when there is none) and the signed-in layout.
struct PageResponder: Sendable {
    let renderer: PageRenderer
    let sessions: SessionService

    func respond(_ page: Page, in context: RequestContext, status: Int = 200) throws -> HTTPResponse {
        var page = page
        var cookie: SessionCookie?
        let token: String
        if let existing = context.sessionToken {
            token = existing
        } else {
            token = try sessions.startAnonymous().token
            cookie = .set(token, secure: context.request.isHTTPS)
        }
        page.csrfToken = SessionService.csrfToken(for: token)
        page.signedIn = context.account != nil
        return HTTPResponse.html(renderer.render(page), status: status).adding(cookie)
    }

    /// A page that needs no form and no session (the home page, error pages for anonymous visitors).
    func respondWithoutSession(_ page: Page, in context: RequestContext, status: Int = 200) -> HTTPResponse {
        var page = page
        if let token = context.sessionToken { page.csrfToken = SessionService.csrfToken(for: token) }
        page.signedIn = context.account != nil
        return HTTPResponse.html(renderer.render(page), status: status)
    }

    /// A redirect that also hands the browser its new session id.
    func redirect(to route: Route, newSession: NewSession, in context: RequestContext) -> HTTPResponse {
        HTTPResponse.redirect(to: route).adding(.set(newSession.token, secure: context.request.isHTTPS))
    }

    var messages: MessageCatalogue { renderer.messages }
}
