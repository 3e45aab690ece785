import Foundation
import GRDB

extension AppDatabase: SessionStore {
    /// Every page view asks this, so it is one statement, prepared once per connection and read by column position:
    /// the session, its account (if any) and the account's unread reminders. One statement is its own snapshot, so
    /// it needs no transaction around it (`readOneStatement`).
    public func session(digest: String) throws -> Session? {
        try readOneStatement { db in
            let query = try db.cachedStatement(sql: Self.sessionQuery)
            guard let row = try Row.fetchOne(query, arguments: [digest]) else { return nil }
            var session = SessionRecord(row: row, from: 0).session
            let accountColumn = SessionRecord.columns.count
            if row.hasNull(atIndex: accountColumn) { return session }  // none yet, or gone
            session.account = AccountRecord(row: row, from: accountColumn).account
            session.unreadReminders = row[accountColumn + AccountRecord.columns.count]
            return session
        }
    }

    private static let sessionQuery = """
        SELECT \((SessionRecord.columns.map { "sessions." + $0 } + AccountRecord.columns.map { "accounts." + $0 })
                    .joined(separator: ", ")),
               (SELECT COUNT(*) FROM reminders WHERE account_id = accounts.id AND read_at IS NULL)
        FROM sessions LEFT JOIN accounts ON accounts.id = sessions.account_id
        WHERE sessions.token_digest = ?
        """

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
