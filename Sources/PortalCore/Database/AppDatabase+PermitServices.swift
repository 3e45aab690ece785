import Foundation
import GRDB

extension AppDatabase: PermitServicesStore {
    public func setPin(accountID: Int64, hash: String, replacing: Bool, sessionDigest: String, unlockedUntil: Date,
                       event: AuditEvent) throws {
        try write { db in
            try db.execute(sql: "UPDATE accounts SET pin_hash = ? WHERE id = ? AND (? OR pin_hash IS NULL)",
                           arguments: [hash, accountID, replacing])
            guard db.changesCount == 1 else { throw PermitServicesError.alreadySet }
            try db.execute(sql: "DELETE FROM attempts WHERE account_id = ? AND kind = ?",
                           arguments: [accountID, AttemptKind.pin.rawValue])
            try db.execute(sql: "UPDATE sessions SET permit_unlocked_until = ? WHERE token_digest = ? AND account_id = ?",
                           arguments: [unlockedUntil, sessionDigest, accountID])
            try AuditEventRecord(event).insert(db)
        }
    }

    public func unlock(sessionDigest: String, until: Date, accountID: Int64, clearingFailures: Bool, at now: Date) throws {
        try write { db in
            if clearingFailures { try Self.clearFailures(.pin, accountID: accountID, at: now, in: db) }
            try db.execute(sql: "UPDATE sessions SET permit_unlocked_until = ? WHERE token_digest = ? AND account_id = ?",
                           arguments: [until, sessionDigest, accountID])
        }
    }

    public func pinHash(accountID: Int64) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT pin_hash FROM accounts WHERE id = ?", arguments: [accountID]) }
    }

    public func useToken(id: String, permitNumber: String, at date: Date) throws -> Bool {
        try write { db in
            try db.execute(sql: """
                INSERT INTO qr_tokens_used (token_id, permit_number, used_at) VALUES (?, ?, ?)
                ON CONFLICT (token_id) DO NOTHING
                """, arguments: [id, permitNumber, date])
            return db.changesCount == 1
        }
    }
}
