import Dispatch

/// Bounds how many Argon2 hashes run at once, so a flood of logins cannot take every core
/// from the pages that need no hashing. A caller that waits too long is told the service is busy.
public final class HashingGate: Sendable {
    private let slots: DispatchSemaphore
    private let maximumWait: DispatchTimeInterval

    /// - Parameters:
    ///   - concurrentHashes: hashes allowed at once (one per core keeps the other pages responsive).
    ///   - maximumWait: how long a request may queue for a slot before it is refused.
    public init(concurrentHashes: Int, maximumWait: DispatchTimeInterval = .seconds(3)) {
        precondition(concurrentHashes > 0)
        slots = DispatchSemaphore(value: concurrentHashes)
        self.maximumWait = maximumWait
    }

    /// Runs `work` while holding a slot; throws `SecurityError.busy` when none frees up in time.
    public func run<T>(_ work: () throws -> T) throws -> T {
        guard slots.wait(timeout: .now() + maximumWait) == .success else {
            throw SecurityError.busy
        }
        defer { slots.signal() }
        return try work()
    }
}
