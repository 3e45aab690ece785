import Foundation

/// "N failures in a row lock the step for a while": the rule for logins and facial recognition.
public struct AttemptLimit: Sendable {
    public var maximumFailures = 5
    public var lockDuration: TimeInterval = 15 * 60

    public init() {}

    /// The lock to record after `failuresSoFar` consecutive failures (including this one), if any.
    public func lock(afterFailures failuresSoFar: Int, at now: Date) -> Date? {
        failuresSoFar >= maximumFailures ? now.addingTimeInterval(lockDuration) : nil
    }

    /// Whether a lock recorded as `lockedUntil` still holds at `now`.
    public func isLocked(until lockedUntil: Date?, at now: Date) -> Bool {
        guard let lockedUntil else { return false }
        return now < lockedUntil
    }
}
