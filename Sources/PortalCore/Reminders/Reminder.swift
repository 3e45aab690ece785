import Foundation

/// A reminder about the holder's work permit (guide section 4, (3)): about to expire, expired, or canceled.
public struct Reminder: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case expiring
        case expired
        case canceled
    }

    public var id: Int64
    public var accountID: Int64
    public var kind: Kind
    public var permitNumber: String
    /// The validity the reminder is about: a renewed permit (a new valid-until date) is reminded afresh.
    public var validUntil: CalendarDay
    public var createdAt: Date
    public var readAt: Date?

    public init(id: Int64 = 0, accountID: Int64, kind: Kind, permitNumber: String, validUntil: CalendarDay,
                createdAt: Date, readAt: Date? = nil) {
        self.id = id
        self.accountID = accountID
        self.kind = kind
        self.permitNumber = permitNumber
        self.validUntil = validUntil
        self.createdAt = createdAt
        self.readAt = readAt
    }

    /// The reminder a permit's standing calls for, if any.
    public static func kind(for standing: PermitStanding) -> Kind? {
        switch standing {
        case .valid: nil
        case .expiringSoon: .expiring
        case .expired: .expired
        case .canceled: .canceled
        }
    }
}

/// Persistence of reminders. Creating one is idempotent: the same account, kind and validity never twice.
public protocol ReminderStore: Sendable {
    /// The accounts (past registration) whose permit is expiring within `windowDays` of `today`, expired or canceled,
    /// with the permit, in pages of `limit` after `afterAccountID`, so a million holders are read in bounded pieces.
    func reminderCandidates(today: CalendarDay, windowDays: Int, afterAccountID: Int64, limit: Int) throws
        -> [(account: Account, permit: Permit)]
    /// Inserts the reminder unless it exists, with its event, in one transaction; true when it was new.
    func insertReminder(_ reminder: Reminder, event: AuditEvent) throws -> Bool
    func reminders(accountID: Int64) throws -> [Reminder]
    func markRead(reminderID: Int64, accountID: Int64, at date: Date) throws
    /// The language the account last used, for its SMS; nil until it used the portal since this was recorded.
    func language(accountID: Int64) throws -> Language?
    func setLanguage(_ language: Language, accountID: Int64) throws
}
