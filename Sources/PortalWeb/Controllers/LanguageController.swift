import PortalCore

/// The `English` / `中文` links: the choice is remembered in a cookie and the visitor goes back to the page they
/// were on. Nothing else changes: no session is touched, so a registration in progress carries on.
struct LanguageController: Sendable {
    func choose(_ language: Language, returningTo target: Route, _ context: RequestContext) -> WebResponse {
        WebResponse.redirect(to: target).adding(.language(language, secure: context.request.isHTTPS))
    }
}
