import Foundation
import GRDB

extension AppDatabase: SessionStore {
    /// Every page view asks this, so the lookups share one read, the account comes with its unread reminders in one
    /// statement, and the statements are prepared once per connection.
    public func session(digest: String) throws -> Session? {
        try read { db in
            let sessionQuery = try db.cachedStatement(sql: "SELECT * FROM sessions WHERE token_digest = ?")
            guard let record = try SessionRecord.fetchOne(sessionQuery, arguments: [digest]) else { return nil }
            var session = record.session
            if let accountID = record.accountId {
                let accountQuery = try db.cachedStatement(sql: """
                    SELECT accounts.*, (SELECT COUNT(*) FROM reminders
                                        WHERE account_id = accounts.id AND read_at IS NULL) AS unread_reminders
                    FROM accounts WHERE id = ?
                    """)
                if let row = try Row.fetchOne(accountQuery, arguments: [accountID]) {
                    session.account = AccountRecord(row: row).account
                    session.unreadReminders = row["unread_reminders"]
                }
            }
            return session
        }
    }

    public func insert(_ session: Session) throws {
        try write { db in try SessionRecord(session).insert(db) }
    }

    public func touch(digest: String, at date: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE token_digest = ?", arguments: [date, digest])
        }
    }

    public func delete(digest: String) throws {
        _ = try write { db in try SessionRecord.deleteOne(db, key: digest) }
    }

    /// Deletes in batches, each a transaction of its own, so that a million sessions expiring together (a quiet
    /// night) never hold SQLite's one writer for seconds while logins wait to write.
    public func deleteExpired(idleBefore: Date, createdBefore: Date) throws {
        try deleteExpired(idleBefore: idleBefore, createdBefore: createdBefore, batch: 2_000)
    }

    func deleteExpired(idleBefore: Date, createdBefore: Date, batch: Int) throws {
        while try write({ db in
            try db.execute(sql: """
                DELETE FROM sessions WHERE token_digest IN (
                    SELECT token_digest FROM sessions WHERE last_seen_at < ? OR created_at < ? LIMIT ?)
                """, arguments: [idleBefore, createdBefore, batch])
            return db.changesCount == batch
        }) {}
    }

    public func end(digest: String, event: AuditEvent) throws {
        try write { db in
            try SessionRecord.deleteOne(db, key: digest)
            try AuditEventRecord(event).insert(db)
        }
    }
}
