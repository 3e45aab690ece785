import Foundation

/// Consecutive failures of a step and the lock they lead to, per account. Each method is one transaction and
/// counts with single atomic statements, so parallel attempts cannot slip past the limit under SQLite's one
/// writer nor under PostgreSQL's READ COMMITTED.
public protocol AttemptStore: Sendable {
    /// The failures counted so far and the lock recorded (which may have run out by `now`).
    func attempts(_ kind: AttemptKind, accountID: Int64) throws -> Attempts

    /// Counts one more failure, appending `event`, and locks the step when `limit` is reached. Returns the lock
    /// in force afterwards: one still running (the count is then left alone), the one just set, or nil.
    func recordFailure(_ kind: AttemptKind, accountID: Int64, limit: AttemptLimit, event: AuditEvent) throws -> Date?

    /// Starts the count of `kind` afresh (the secret was right), appending `event`.
    /// Throws `AccountStoreError.locked` when a lock set by a parallel request is in force.
    func resetFailures(_ kind: AttemptKind, accountID: Int64, event: AuditEvent) throws

    /// The same count for what was typed rather than for an account (`key`: a MAC of the typed identifier), so
    /// numbers with and without an account lock alike.
    func typedAttempts(_ kind: AttemptKind, key: String) throws -> Attempts
    func recordTypedFailure(_ kind: AttemptKind, key: String, limit: AttemptLimit, at now: Date) throws -> Date?
    func clearTypedFailures(_ kind: AttemptKind, key: String, at now: Date) throws
    /// Forgets typed counts quiet since `before` and not locked (random numbers cannot grow the table for ever).
    func pruneTypedAttempts(quietSince before: Date) throws
}

/// One step's count and lock for one account.
public struct Attempts: Sendable, Equatable {
    public var failures: Int
    public var lockedUntil: Date?

    public init(failures: Int = 0, lockedUntil: Date? = nil) {
        self.failures = failures
        self.lockedUntil = lockedUntil
    }

    /// The lock if it still holds at `now`.
    public func lock(at now: Date) -> Date? {
        guard let lockedUntil, now < lockedUntil else { return nil }
        return lockedUntil
    }
}
