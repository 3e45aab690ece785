import Dispatch
import Synchronization

/// Bounds Argon2 hashing so a flood of logins cannot take every core, nor every FastCGI worker thread,
/// from the pages that need no hashing: at most `concurrentHashes` run at once, a few more wait for a slot
/// (briefly), and everyone beyond that is told at once that the service is busy.
public final class HashingGate: Sendable {
    private let slots: DispatchSemaphore
    private let admitted = Mutex(0)
    /// Hashes allowed at once.
    public let concurrentHashes: Int
    /// Requests let in at once, hashing or queued.
    public let capacity: Int
    private let maximumWait: DispatchTimeInterval

    /// - Parameters:
    ///   - concurrentHashes: hashes allowed at once.
    ///   - admitting: requests let in at once, hashing or queued (twice the hashes unless told otherwise).
    ///   - maximumWait: how long an admitted request may queue for a slot before it is refused.
    public init(concurrentHashes: Int, admitting: Int? = nil, maximumWait: DispatchTimeInterval = .seconds(1)) {
        precondition(concurrentHashes > 0)
        slots = DispatchSemaphore(value: concurrentHashes)
        self.concurrentHashes = concurrentHashes
        capacity = max(concurrentHashes, admitting ?? 2 * concurrentHashes)
        self.maximumWait = maximumWait
    }

    /// Requests hashing or waiting to hash right now.
    var admittedCount: Int { admitted.withLock { $0 } }

    /// Runs `work` while holding a slot; throws `SecurityError.busy` when the queue is full or no slot frees up in time.
    public func run<T>(_ work: () throws -> T) throws -> T {
        let entered = admitted.withLock { count in
            guard count < capacity else { return false }
            count += 1
            return true
        }
        guard entered else { throw SecurityError.busy }
        defer { admitted.withLock { $0 -= 1 } }
        guard slots.wait(timeout: .now() + maximumWait) == .success else { throw SecurityError.busy }
        defer { slots.signal() }
        return try work()
    }
}
