import Foundation
import GRDB

extension AppDatabase: PasswordResetStore {
    public func insert(_ reset: PasswordReset) throws {
        try write { db in
            try db.execute(sql: """
                INSERT INTO password_resets (token_digest, account_id, created_at, last_sent_at) VALUES (?, ?, ?, ?)
                """, arguments: [reset.tokenDigest, reset.accountID, reset.createdAt, reset.lastSentAt])
        }
    }

    public func reset(digest: String) throws -> PasswordReset? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM password_resets WHERE token_digest = ?", arguments: [digest]).map {
                PasswordReset(tokenDigest: $0["token_digest"], accountID: $0["account_id"], createdAt: $0["created_at"],
                              lastSentAt: $0["last_sent_at"], wrongEntries: $0["wrong_entries"], verifiedAt: $0["verified_at"])
            }
        }
    }

    public func recordWrongEntry(digest: String) throws -> Int {
        try write { db in
            try Int.fetchOne(db, sql: """
                UPDATE password_resets SET wrong_entries = wrong_entries + 1 WHERE token_digest = ? RETURNING wrong_entries
                """, arguments: [digest]) ?? 0
        }
    }

    public func recordSent(digest: String, at date: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE password_resets SET last_sent_at = ? WHERE token_digest = ?", arguments: [date, digest])
        }
    }

    public func markVerified(digest: String, codeID: Int64?, event: AuditEvent) throws {
        try write { db in
            if let codeID { try Self.consume(codeID: codeID, at: event.occurredAt, in: db) }
            try db.execute(sql: "UPDATE password_resets SET verified_at = ? WHERE token_digest = ?",
                           arguments: [event.occurredAt, digest])
            try AuditEventRecord(event).insert(db)
        }
    }

    public func completeReset(digest: String, accountID: Int64, hash: String, event: AuditEvent) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM password_resets WHERE token_digest = ? AND account_id = ? AND verified_at IS NOT NULL",
                           arguments: [digest, accountID])
            guard db.changesCount == 1 else { throw PasswordResetError.notVerified }
            try Self.setPassword(hash, accountID: accountID, in: db)
            try AuditEventRecord(event).insert(db)
        }
    }

    public func deleteResets(createdBefore date: Date) throws {
        try write { db in try db.execute(sql: "DELETE FROM password_resets WHERE created_at < ?", arguments: [date]) }
    }
}
