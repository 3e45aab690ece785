import Foundation
import GRDB

/// Consecutive failures and locks in the `attempts` table. Each change is one statement that reads and writes the
/// row at once (`INSERT … ON CONFLICT DO UPDATE … RETURNING`), so no parallel request can come between the read of
/// a count and its write, whatever the database's isolation.
extension AppDatabase: AttemptStore {
    public func attempts(_ kind: AttemptKind, accountID: Int64) throws -> Attempts {
        try read { db in try Self.attempts(kind, accountID: accountID, in: db) }
    }

    public func recordFailure(_ kind: AttemptKind, accountID: Int64, limit: AttemptLimit,
                              event: AuditEvent) throws -> Date? {
        let now = event.occurredAt
        let newLock = now.addingTimeInterval(limit.lockDuration)
        return try write { db in
            try AuditEventRecord(event).insert(db)
            guard try Self.accountExists(accountID, in: db) else { return nil }
            // A lock in force leaves the row alone (the update's WHERE, so nothing is returned); the failure that
            // reaches the limit sets the lock and starts the count again, so the first failure after the lock has
            // run out is failure one.
            let row = try Row.fetchOne(db, sql: """
                INSERT INTO attempts (account_id, kind, failures, locked_until)
                VALUES (:account, :kind, CASE WHEN 1 >= :maximum THEN 0 ELSE 1 END,
                        CASE WHEN 1 >= :maximum THEN :newLock END)
                ON CONFLICT (account_id, kind) DO UPDATE SET
                    failures = CASE WHEN failures + 1 >= :maximum THEN 0 ELSE failures + 1 END,
                    locked_until = CASE WHEN failures + 1 >= :maximum THEN :newLock ELSE locked_until END
                WHERE locked_until IS NULL OR locked_until <= :now
                RETURNING locked_until = :newLock
                """, arguments: ["account": accountID, "kind": kind.rawValue, "maximum": limit.maximumFailures,
                                 "now": now, "newLock": newLock])
            guard let row else { return try Self.attempts(kind, accountID: accountID, in: db).lock(at: now) }
            // Compared in SQL: the stored text, not Dates rounded to the stored precision.
            let justLocked: Bool = row[0] ?? false
            guard justLocked else { return nil }
            try AuditEventRecord(AuditEvent(kind.lockedEvent, at: now, accountID: accountID,
                                            remoteAddress: event.remoteAddress)).insert(db)
            return try Self.attempts(kind, accountID: accountID, in: db).lockedUntil
        }
    }

    public func resetFailures(_ kind: AttemptKind, accountID: Int64, event: AuditEvent) throws {
        try write { db in
            try Self.clearFailures(kind, accountID: accountID, at: event.occurredAt, in: db)
            try AuditEventRecord(event).insert(db)
        }
    }

    /// Deletes the step's count unless a lock is in force at `now`, which throws `AccountStoreError.locked`:
    /// the delete decides, and the lock is only read when it removed nothing.
    static func clearFailures(_ kind: AttemptKind, accountID: Int64, at now: Date, in db: Database) throws {
        try db.execute(sql: """
            DELETE FROM attempts
            WHERE account_id = ? AND kind = ? AND (locked_until IS NULL OR locked_until <= ?)
            """, arguments: [accountID, kind.rawValue, now])
        guard db.changesCount == 0 else { return }
        if let lock = try attempts(kind, accountID: accountID, in: db).lock(at: now) {
            throw AccountStoreError.locked(until: lock)
        }
    }

    static func attempts(_ kind: AttemptKind, accountID: Int64, in db: Database) throws -> Attempts {
        let row = try Row.fetchOne(db, sql: "SELECT failures, locked_until FROM attempts WHERE account_id = ? AND kind = ?",
                                   arguments: [accountID, kind.rawValue])
        return row.map { Attempts(failures: $0[0], lockedUntil: $0[1]) } ?? Attempts()
    }

    static func accountExists(_ accountID: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ?)", arguments: [accountID]) ?? false
    }

    /// Copies one step's count and lock to another account (a registration that replaced an unfinished one).
    static func carryOver(_ attempts: Attempts, _ kind: AttemptKind, to accountID: Int64, in db: Database) throws {
        guard attempts != Attempts() else { return }
        try db.execute(sql: "INSERT INTO attempts (account_id, kind, failures, locked_until) VALUES (?, ?, ?, ?)",
                       arguments: [accountID, kind.rawValue, attempts.failures, attempts.lockedUntil])
    }
}

/// Failures per typed identifier, counted by the same single statement as per account.
extension AppDatabase {
    public func typedAttempts(_ kind: AttemptKind, key: String) throws -> Attempts {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT failures, locked_until FROM typed_attempts WHERE key = ? AND kind = ?",
                             arguments: [key, kind.rawValue]).map { Attempts(failures: $0[0], lockedUntil: $0[1]) } ?? Attempts()
        }
    }

    public func recordTypedFailure(_ kind: AttemptKind, key: String, limit: AttemptLimit, at now: Date) throws -> Date? {
        let newLock = now.addingTimeInterval(limit.lockDuration)
        return try write { db in
            let row = try Row.fetchOne(db, sql: """
                INSERT INTO typed_attempts (key, kind, failures, locked_until, last_failure_at)
                VALUES (:key, :kind, CASE WHEN 1 >= :maximum THEN 0 ELSE 1 END, CASE WHEN 1 >= :maximum THEN :newLock END, :now)
                ON CONFLICT (key, kind) DO UPDATE SET
                    failures = CASE WHEN failures + 1 >= :maximum THEN 0 ELSE failures + 1 END,
                    locked_until = CASE WHEN failures + 1 >= :maximum THEN :newLock ELSE locked_until END,
                    last_failure_at = :now
                WHERE locked_until IS NULL OR locked_until <= :now
                RETURNING locked_until = :newLock
                """, arguments: ["key": key, "kind": kind.rawValue, "maximum": limit.maximumFailures, "now": now,
                                 "newLock": newLock])
            guard let row else {
                return try Row.fetchOne(db, sql: "SELECT locked_until FROM typed_attempts WHERE key = ? AND kind = ?",
                                        arguments: [key, kind.rawValue]).flatMap { row -> Date? in row[0] }
            }
            let justLocked: Bool = row[0] ?? false
            return justLocked ? newLock : nil
        }
    }

    public func clearTypedFailures(_ kind: AttemptKind, key: String, at now: Date) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM typed_attempts WHERE key = ? AND kind = ? AND (locked_until IS NULL OR locked_until <= ?)",
                           arguments: [key, kind.rawValue, now])
        }
    }

    public func pruneTypedAttempts(quietSince before: Date) throws {
        try write { db in
            try db.execute(sql: """
                DELETE FROM typed_attempts WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?)
                """, arguments: [before, before])
        }
    }
}
