import Foundation
import GRDB

extension AppDatabase: ReminderStore {
    public func reminderCandidates(today: CalendarDay, windowDays: Int, afterAccountID: Int64, limit: Int) throws
        -> [(account: Account, permit: Permit)] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT a.id AS account_key, p.* FROM accounts a JOIN permits p ON p.permit_number = a.permit_number
                WHERE a.id > ? AND a.state = 'active'
                  AND (p.status = 'canceled' OR p.valid_until <= date(?, '+' || ? || ' days'))
                ORDER BY a.id LIMIT ?
                """, arguments: [afterAccountID, today.description, windowDays, limit])
            return try rows.compactMap { row in
                guard let account = try AccountRecord.fetchOne(db, key: row["account_key"] as Int64)?.account,
                      let permit = try PermitRecord(row: row).permit else { return nil }
                return (account, permit)
            }
        }
    }

    public func insertReminder(_ reminder: Reminder, event: AuditEvent) throws -> Bool {
        try write { db in
            try db.execute(sql: """
                INSERT INTO reminders (account_id, kind, permit_number, valid_until, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (account_id, kind, permit_number, valid_until) DO NOTHING
                """, arguments: [reminder.accountID, reminder.kind.rawValue, reminder.permitNumber,
                                 reminder.validUntil.description, reminder.createdAt])
            guard db.changesCount == 1 else { return false }
            try AuditEventRecord(event).insert(db)
            return true
        }
    }

    public func reminders(accountID: Int64) throws -> [Reminder] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reminders WHERE account_id = ? ORDER BY created_at DESC, id DESC",
                             arguments: [accountID]).compactMap { row in
                guard let kind = Reminder.Kind(rawValue: row["kind"]), let day = CalendarDay(row["valid_until"]) else {
                    return nil
                }
                return Reminder(id: row["id"], accountID: row["account_id"], kind: kind, permitNumber: row["permit_number"],
                                validUntil: day, createdAt: row["created_at"], readAt: row["read_at"])
            }
        }
    }

    public func markRead(reminderID: Int64, accountID: Int64, at date: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE reminders SET read_at = ? WHERE id = ? AND account_id = ? AND read_at IS NULL",
                           arguments: [date, reminderID, accountID])
        }
    }

    public func language(accountID: Int64) throws -> Language? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT language FROM accounts WHERE id = ?", arguments: [accountID])
                .flatMap(Language.init(rawValue:))
        }
    }

    public func setLanguage(_ language: Language, accountID: Int64) throws {
        try write { db in
            try db.execute(sql: "UPDATE accounts SET language = ? WHERE id = ?", arguments: [language.rawValue, accountID])
        }
    }
}
