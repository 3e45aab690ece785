import Dispatch
import Synchronization

/// Bounds Argon2 hashing so a flood of logins cannot take every core, nor every FastCGI worker thread, from the
/// pages that need no hashing: at most `concurrentHashes` run at once, and the others queue for a slot.
///
/// The queue is fair and bounded: a freed slot goes to the clients in turn (round robin over the addresses
/// that wait, first come first served within one), so one address flooding logins delays another address's
/// login by at most one hash per waiting address, not by its whole queue. A caller is refused at once (busy)
/// only when the queue is full or its address already has `perClientLimit` logins admitted, and after
/// `maximumWait` in the queue; below the hashing rate nobody waits long enough for that.
public final class HashingGate: Sendable {
    /// The client a request hashes for (its address); set around each request by the web layer.
    @TaskLocal public static var client = ""

    /// Hashes allowed at once.
    public let concurrentHashes: Int
    /// Requests let in at once, hashing or queued.
    public let capacity: Int
    /// Requests one client may have let in at once.
    public let perClientLimit: Int
    private let maximumWait: DispatchTimeInterval
    /// Around an admitted request's wait and hash, both long enough to lend its thread's place to another.
    let stepAside: StepAside
    private let state = Mutex(State())

    /// - Parameters:
    ///   - concurrentHashes: hashes allowed at once.
    ///   - admitting: requests let in at once, hashing or queued (twice the hashes unless told otherwise).
    ///   - perClient: requests one client may have let in at once (a quarter of `admitting`, at least two).
    ///   - maximumWait: how long an admitted request may queue for a slot before it is refused.
    ///   - stepAside: what an admitted request does around its wait and hash (`StepAside`).
    public init(concurrentHashes: Int, admitting: Int? = nil, perClient: Int? = nil,
                maximumWait: DispatchTimeInterval = .seconds(2), stepAside: StepAside = .justWait) {
        precondition(concurrentHashes > 0)
        self.concurrentHashes = concurrentHashes
        capacity = max(concurrentHashes, admitting ?? 2 * concurrentHashes)
        perClientLimit = min(capacity, max(perClient ?? capacity / 4, 2))
        self.maximumWait = maximumWait
        self.stepAside = stepAside
    }

    /// Requests hashing or waiting to hash right now.
    var admittedCount: Int { state.withLock { $0.admitted } }

    /// Runs `work` while holding a slot; throws `SecurityError.busy` when the queue (or the client's share of it)
    /// is full, or no slot came within the maximum wait.
    public func run<T>(_ work: () throws -> T) throws -> T {
        let client = Self.client
        let admission = state.withLock { $0.admit(client, capacity: capacity, perClient: perClientLimit,
                                                  slots: concurrentHashes) }
        guard let admission else { throw SecurityError.busy }
        defer { state.withLock { $0.leave(client) } }
        return try stepAside.run { try hash(work, after: admission, of: client) }
    }

    private func hash<T>(_ work: () throws -> T, after admission: Admission, of client: String) throws -> T {
        if case .queued(let waiter) = admission,
           waiter.signal.wait(timeout: .now() + maximumWait) == .timedOut,
           state.withLock({ $0.withdraw(waiter, of: client) }) {
            throw SecurityError.busy
        }
        defer { state.withLock { $0.releaseSlot() } }
        return try work()
    }
}

extension HashingGate {
    /// A queued request: signalled when a slot is handed to it.
    final class Waiter: Sendable {
        let signal = DispatchSemaphore(value: 0)
    }

    enum Admission {
        case hashing
        case queued(Waiter)
    }

    struct State: ~Copyable {
        var admitted = 0
        var hashing = 0
        var admittedPerClient: [String: Int] = [:]
        var waiting: [String: [Waiter]] = [:]
        /// The clients with waiters, in the order their turn comes.
        var turns: [String] = []

        mutating func admit(_ client: String, capacity: Int, perClient: Int, slots: Int) -> Admission? {
            let ofClient = admittedPerClient[client, default: 0]
            guard admitted < capacity, ofClient < perClient else { return nil }
            admitted += 1
            admittedPerClient[client] = ofClient + 1
            if hashing < slots {
                hashing += 1
                return .hashing
            }
            let waiter = Waiter()
            if waiting[client, default: []].isEmpty { turns.append(client) }
            waiting[client, default: []].append(waiter)
            return .queued(waiter)
        }

        mutating func leave(_ client: String) {
            admitted -= 1
            let left = admittedPerClient[client, default: 1] - 1
            admittedPerClient[client] = left > 0 ? left : nil
        }

        /// Hands the slot to the next client's first waiter, or frees it.
        mutating func releaseSlot() {
            guard !turns.isEmpty else {
                hashing -= 1
                return
            }
            let client = turns.removeFirst()
            let waiter = waiting[client]!.removeFirst()
            if waiting[client]!.isEmpty { waiting[client] = nil } else { turns.append(client) }
            waiter.signal.signal()
        }

        /// Takes a timed-out waiter out of the queue: true; false when it was handed a slot meanwhile (it has one).
        mutating func withdraw(_ waiter: Waiter, of client: String) -> Bool {
            guard var queue = waiting[client], let index = queue.firstIndex(where: { $0 === waiter }) else {
                return false
            }
            queue.remove(at: index)
            if queue.isEmpty {
                waiting[client] = nil
                turns.removeAll { $0 == client }
            } else {
                waiting[client] = queue
            }
            return true
        }
    }
}
