import PortalCore

/// The `English` / `中文` links: the choice is remembered in a cookie and the visitor goes back to the page they
/// were on. Nothing else changes: no session is touched, so a registration in progress carries on.
struct LanguageController: Sendable {
    let reminders: ReminderService

    func choose(_ language: Language, returningTo target: Route, _ context: RequestContext) throws -> WebResponse {
        // A signed-in holder's reminders by SMS follow the language they chose.
        if let account = context.account { try reminders.remember(language, for: account) }
        return WebResponse.redirect(to: target).adding(.language(language, secure: context.request.isHTTPS))
    }
}
