import Foundation

/// One check of a secret (a password or a PIN) per account at a time.
///
/// A check reads the account's lock, spends an Argon2 verification (tens of milliseconds) and only then writes a
/// failure. Checks running side by side would each read the count as it was, so a burst of parallel guesses got
/// more tries than the five the lock allows, and a right one among them could get through before the fifth failure
/// was written. Here a check waits for the one under way for the same account (a double-clicked button, say) and
/// then reads the count that one left; a further one while one already waits is refused as busy, so a flood of
/// guesses ties up no threads.
public final class SecretChecks: @unchecked Sendable {
    private let condition = NSCondition()
    /// Accounts with a check under way; guarded by `condition`.
    private var running: Set<String> = []
    /// Accounts with a check waiting for the one under way; guarded by `condition`.
    private var waiting: Set<String> = []
    private let maximumWait: TimeInterval
    /// Around a wait for the turn (`StepAside`).
    private let stepAside: StepAside

    public init(maximumWait: TimeInterval = 2, stepAside: StepAside = .justWait) {
        self.maximumWait = maximumWait
        self.stepAside = stepAside
    }

    /// Runs `check` once no other check for `key` is under way; throws `SecurityError.busy` when another is already
    /// waiting for its turn, or when the turn does not come within the maximum wait.
    public func one<T>(for key: String, _ check: () throws -> T) throws -> T {
        try takeTurn(key)
        defer { endTurn(key) }
        return try check()
    }

    /// Whether a check for `key` waits for its turn (for the tests, which must not sleep to find out).
    func hasWaiting(_ key: String) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return waiting.contains(key)
    }

    private func takeTurn(_ key: String) throws {
        condition.lock()
        defer { condition.unlock() }
        guard running.contains(key) else {
            running.insert(key)
            return
        }
        guard waiting.insert(key).inserted else { throw SecurityError.busy }
        defer { waiting.remove(key) }
        let deadline = Date().addingTimeInterval(maximumWait)
        try stepAside.run {
            while running.contains(key) {
                guard condition.wait(until: deadline) else { throw SecurityError.busy }
            }
        }
        running.insert(key)
    }

    private func endTurn(_ key: String) {
        condition.lock()
        running.remove(key)
        condition.broadcast()
        condition.unlock()
    }
}
