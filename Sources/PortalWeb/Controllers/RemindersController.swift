import PortalCore

/// The holder's reminders: the permit is about to expire, has expired, or was canceled; `Mark as read`.
struct RemindersController: Sendable {
    /// One reminder as the list shows it.
    struct Item: Sendable {
        let id: String
        let text: String
        let unread: Bool
        let created: String
    }

    struct Page: PageContent {
        let reminders: [Item]
        let empty: Bool
        let action = Route.reminders.path
        var template: Template { .reminders }
        var title: UserMessage { UserMessage("reminders.title") }
    }

    let pages: PageResponder
    let reminders: ReminderService

    func show(_ context: AccountContext) throws -> WebResponse {
        let messages = pages.renderer.messages(context.base.language)
        let list = try reminders.reminders(for: context.account).map { reminder in
            Item(id: String(reminder.id),
                 text: messages.text(UserMessage("reminders.kind.\(reminder.kind.rawValue)",
                                                 ["date": reminder.validUntil.description])),
                 unread: reminder.readAt == nil, created: CalendarDay(containing: reminder.createdAt).description)
        }
        return try pages.respond(Page(reminders: list, empty: list.isEmpty), in: context.base)
    }

    func markRead(_ context: AccountContext) throws -> WebResponse {
        if let id = Int64(context.form.text("reminder_id")) { try reminders.markRead(id, account: context.account) }
        return .redirect(to: .reminders)
    }
}
