import Foundation

/// "N failures in a row lock the step for a while": the rule for logins and facial recognition. The store
/// applies it in one statement (AttemptStore); `Attempts.lock(at:)` says whether a recorded lock still holds.
public struct AttemptLimit: Sendable {
    public var maximumFailures = 5
    public var lockDuration: TimeInterval = 15 * 60

    public init() {}
}
