import Foundation
import GRDB

extension AppDatabase: SmsCodeStore {
    public func insert(_ code: StoredSmsCode, rules: SmsCodeRules, samePurposes: [SmsPurpose]) throws -> Int64 {
        try write { db in
            let purposes = samePurposes.map(\.rawValue)
            let marks = databaseQuestionMarks(count: purposes.count)
            let last = try Date.fetchOne(db, sql: """
                SELECT MAX(sent_at) FROM sms_codes WHERE owner_digest = ? AND purpose IN (\(marks))
                """, arguments: StatementArguments([code.ownerDigest] + purposes))
            if let last, code.sentAt < last.addingTimeInterval(rules.resendInterval) {
                throw SmsCodeError.wait(until: last.addingTimeInterval(rules.resendInterval))
            }
            let byPhone = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms_codes WHERE phone = ? AND sent_at > ?",
                                           arguments: [code.phone, code.sentAt.addingTimeInterval(-3600)]) ?? 0
            let byAccount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sms_codes WHERE account_id = ? AND sent_at > ?",
                                             arguments: [code.accountID, code.sentAt.addingTimeInterval(-86400)]) ?? 0
            guard byPhone < rules.sendsPerPhonePerHour, byAccount < rules.sendsPerAccountPerDay else {
                throw SmsCodeError.tooManySends
            }
            try db.execute(sql: """
                INSERT INTO sms_codes (purpose, account_id, owner_digest, phone, code_mac, sent_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [code.purpose.rawValue, code.accountID, code.ownerDigest, code.phone, code.codeMAC,
                                 code.sentAt, code.expiresAt])
            return db.lastInsertedRowID
        }
    }

    public func delete(codeID: Int64) throws {
        try write { db in try db.execute(sql: "DELETE FROM sms_codes WHERE id = ?", arguments: [codeID]) }
    }

    public func latestCode(ownerDigest: String, purposes: [SmsPurpose]) throws -> StoredSmsCode? {
        try read { db in
            let names = purposes.map(\.rawValue)
            let row = try Row.fetchOne(db, sql: """
                SELECT * FROM sms_codes WHERE owner_digest = ? AND purpose IN (\(databaseQuestionMarks(count: names.count)))
                ORDER BY sent_at DESC, id DESC LIMIT 1
                """, arguments: StatementArguments([ownerDigest] + names))
            return row.flatMap(Self.code(from:))
        }
    }

    public func countEntry(codeID: Int64, maximum: Int) throws -> Int? {
        try write { db in
            try Int.fetchOne(db, sql: """
                UPDATE sms_codes SET wrong_entries = wrong_entries + 1 WHERE id = ? AND wrong_entries < ?
                RETURNING wrong_entries
                """, arguments: [codeID, maximum])
        }
    }

    public func deleteCodes(sentBefore date: Date) throws {
        try write { db in try db.execute(sql: "DELETE FROM sms_codes WHERE sent_at < ?", arguments: [date]) }
    }

    /// Marks the code used inside the caller's transaction; throws `SmsCodeError.used` when a parallel request
    /// (a double submit, a second tab) used it first.
    static func consume(codeID: Int64, at date: Date, in db: Database) throws {
        try db.execute(sql: "UPDATE sms_codes SET used_at = ? WHERE id = ? AND used_at IS NULL", arguments: [date, codeID])
        guard db.changesCount == 1 else { throw SmsCodeError.used }
    }

    private static func code(from row: Row) -> StoredSmsCode? {
        guard let purpose = SmsPurpose(rawValue: row["purpose"]) else { return nil }
        return StoredSmsCode(id: row["id"], purpose: purpose, accountID: row["account_id"], ownerDigest: row["owner_digest"],
                             phone: row["phone"], codeMAC: row["code_mac"], sentAt: row["sent_at"],
                             expiresAt: row["expires_at"], wrongEntries: row["wrong_entries"], usedAt: row["used_at"])
    }
}
