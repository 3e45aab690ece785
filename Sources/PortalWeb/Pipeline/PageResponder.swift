import HTTPTypes
import PortalCore

/// Turns a page's content into a response for the current visitor: in their language, with the CSRF token its
/// forms need (and the visitor cookie that token is signed over, for an anonymous first visit) and the signed-in
/// layout.
struct PageResponder: Sendable {
    let renderer: PageRenderer
    let csrf: CSRFProtection

    func respond(_ content: some PageContent, in context: RequestContext,
                 status: HTTPResponse.Status = .ok) throws -> WebResponse {
        // Only pages with a form (or the Log out button of the signed in) need a token.
        let needsToken = content.form != nil || context.session != nil
        let (token, cookie) = needsToken ? csrf.formToken(for: context) : (nil, nil)
        let chrome = PageChrome(language: context.language, route: context.route, csrfToken: token,
                                signedIn: context.session != nil,
                                unreadReminders: context.session?.record.unreadReminders ?? 0)
        return WebResponse.html(try renderer.render(content, chrome: chrome), status: status).adding(cookie)
    }

    /// A redirect that also hands the browser its new session id.
    func redirect(to route: Route, newSession: NewSession, in context: RequestContext) -> WebResponse {
        WebResponse.redirect(to: route).adding(.session(newSession.token, secure: context.request.isHTTPS))
    }
}
