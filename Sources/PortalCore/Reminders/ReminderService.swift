import Foundation

/// Reminders when a permit is about to expire (within 30 days), has expired, or was canceled: one of each kind per
/// permit validity, a banner and a page in the portal, and an SMS in the holder's language when the account has a
/// verified phone. Run by `portal reminders run`, at login, and every few minutes by `portal serve`.
public struct ReminderService: Sendable {
    private let store: any ReminderStore
    private let gateway: any SmsGateway
    private let texts: any ReminderTexts
    private let clock: any PortalClock

    public init(store: any ReminderStore, gateway: any SmsGateway, texts: any ReminderTexts, clock: any PortalClock) {
        self.store = store
        self.gateway = gateway
        self.texts = texts
        self.clock = clock
    }

    /// Creates every reminder now due; returns how many were new. Each permit is its own transaction, so a run
    /// killed halfway leaves nothing half-written, and the next run creates only what is still missing.
    @discardableResult
    public func runAll(pageSize: Int = 500) throws -> Int {
        var created = 0, after: Int64 = 0
        while true {
            let page = try store.reminderCandidates(today: CalendarDay(containing: clock.now()),
                                                    windowDays: PermitStanding.reminderWindowDays,
                                                    afterAccountID: after, limit: pageSize)
            for (account, permit) in page where try remind(account, of: permit) { created += 1 }
            guard let last = page.last, page.count == pageSize else { return created }
            after = last.account.id
        }
    }

    /// The reminder one account's permit calls for (at login).
    @discardableResult
    public func run(for account: Account, permit: Permit) throws -> Bool {
        try remind(account, of: permit)
    }

    public func reminders(for account: Account) throws -> [Reminder] {
        try store.reminders(accountID: account.id)
    }

    public func markRead(_ reminderID: Int64, account: Account) throws {
        try store.markRead(reminderID: reminderID, accountID: account.id, at: clock.now())
    }

    public func remember(_ language: Language, for account: Account) throws {
        try store.setLanguage(language, accountID: account.id)
    }

    private func remind(_ account: Account, of permit: Permit) throws -> Bool {
        let now = clock.now()
        guard account.state == .active, let kind = Reminder.kind(for: permit.standing(on: CalendarDay(containing: now))) else {
            return false
        }
        let reminder = Reminder(accountID: account.id, kind: kind, permitNumber: permit.number,
                                validUntil: permit.validUntil, createdAt: now)
        let event = AuditEvent(.reminderCreated, at: now, accountID: account.id, detail: kind.rawValue)
        guard try store.insertReminder(reminder, event: event) else { return false }
        if let phone = account.verifiedPhone {
            let language = try store.language(accountID: account.id) ?? .english
            let text = texts.text(for: reminder, language: language)
            // A failed SMS does not undo the reminder: the banner and the page still show it.
            try? gateway.send(SmsMessage(to: phone, text: text, code: "", purpose: .permitReminder, sentAt: now))
        }
        return true
    }
}

/// The wording of reminder SMS, from the web layer's catalogues.
public protocol ReminderTexts: Sendable {
    func text(for reminder: Reminder, language: Language) -> String
}
