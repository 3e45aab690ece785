import Foundation
import GRDB

/// Consecutive failures and locks, counted inside the write transaction: SQLite runs one writer at a time,
/// so each failure sees the count the previous one left.
extension AppDatabase {
    public func recordFailure(_ kind: AttemptKind, accountID: Int64, limit: AttemptLimit,
                              event: AuditEvent) throws -> Date? {
        let columns = Self.columns(of: kind)
        return try write { db in
            try AuditEventRecord(event).insert(db)
            let row = try Row.fetchOne(db, sql: "SELECT \(columns.count), \(columns.lock) FROM accounts WHERE id = ?",
                                       arguments: [accountID])
            guard let row else { return nil }
            let runningLock: Date? = row[1]
            if limit.isLocked(until: runningLock, at: event.occurredAt) { return runningLock }
            let failures: Int = row[0] + 1
            let lock = limit.lock(afterFailures: failures, at: event.occurredAt)
            // A new lock starts the count again, so the first failure after it has run out is failure one.
            try db.execute(sql: "UPDATE accounts SET \(columns.count) = ?, \(columns.lock) = ? WHERE id = ?",
                           arguments: [lock == nil ? failures : 0, lock, accountID])
            if lock != nil {
                try AuditEventRecord(AuditEvent(kind.lockedEvent, at: event.occurredAt, accountID: accountID,
                                                remoteAddress: event.remoteAddress)).insert(db)
            }
            return lock
        }
    }

    public func resetFailures(_ kind: AttemptKind, accountID: Int64, event: AuditEvent) throws {
        let columns = Self.columns(of: kind)
        try write { db in
            try Self.refuseIfLocked(kind, accountID: accountID, at: event.occurredAt, in: db)
            try db.execute(sql: "UPDATE accounts SET \(columns.count) = 0, \(columns.lock) = NULL WHERE id = ?",
                           arguments: [accountID])
            try AuditEventRecord(event).insert(db)
        }
    }

    /// Throws `AccountStoreError.locked` when the step's lock is in force at `now`.
    static func refuseIfLocked(_ kind: AttemptKind, accountID: Int64, at now: Date, in db: Database) throws {
        let lock = try Date.fetchOne(db, sql: "SELECT \(columns(of: kind).lock) FROM accounts WHERE id = ?",
                                     arguments: [accountID])
        if let lock, now < lock { throw AccountStoreError.locked(until: lock) }
    }

    private static func columns(of kind: AttemptKind) -> (count: String, lock: String) {
        switch kind {
        case .login: ("failed_logins", "locked_until")
        case .face: ("failed_face_attempts", "face_locked_until")
        }
    }
}
