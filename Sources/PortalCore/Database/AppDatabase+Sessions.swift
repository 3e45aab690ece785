import Foundation
import GRDB

extension AppDatabase: SessionStore {
    /// Every page view asks this, so both lookups share one read and use statements prepared once per connection.
    public func session(digest: String) throws -> Session? {
        try read { db in
            let sessionQuery = try db.cachedStatement(sql: "SELECT * FROM sessions WHERE token_digest = ?")
            guard let record = try SessionRecord.fetchOne(sessionQuery, arguments: [digest]) else { return nil }
            var session = record.session
            if let accountID = record.accountId {
                let accountQuery = try db.cachedStatement(sql: "SELECT * FROM accounts WHERE id = ?")
                session.account = try AccountRecord.fetchOne(accountQuery, arguments: [accountID])?.account
                let unread = try db.cachedStatement(sql: """
                    SELECT COUNT(*) FROM reminders WHERE account_id = ? AND read_at IS NULL
                    """)
                session.unreadReminders = try Int.fetchOne(unread, arguments: [accountID]) ?? 0
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

    public func deleteExpired(idleBefore: Date, createdBefore: Date) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                           arguments: [idleBefore, createdBefore])
        }
    }

    public func end(digest: String, event: AuditEvent) throws {
        try write { db in
            try SessionRecord.deleteOne(db, key: digest)
            try AuditEventRecord(event).insert(db)
        }
    }
}
