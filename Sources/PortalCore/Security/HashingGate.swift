import Dispatch
import POSIXThreads
import Synchronization

/// Bounds Argon2 hashing so a flood of logins cannot take every core, nor every FastCGI worker thread, from the
/// pages that need no hashing: at most `concurrentHashes` run at once, on threads of their own, and the others queue.
///
/// The queue is fair and bounded: a hashing thread takes the queued work of the clients in turn (round robin over
/// the addresses that wait, first come first served within one), so one address flooding logins delays another
/// address's login by at most one hash per waiting address, not by its whole queue. A caller is refused at once
/// (busy) only when the queue is full or its address already has `perClientLimit` logins admitted, and after
/// `maximumWait` in the queue; below the hashing rate nobody waits long enough for that.
///
/// The hashing threads run at a lower priority (`niceness`) when told: the kernel then runs a page's worker before
/// a hash whenever both wait for a core, so pages keep their pace during a login flood while hashes take what is
/// left (measured: bench/run.sh, README). A hashing thread is started when work is queued and fewer than
/// `concurrentHashes` run, and ends when none is queued; the caller waits for its own work's result.
public final class HashingGate: Sendable {
    /// The client a request hashes for (its address); set around each request by the web layer.
    @TaskLocal public static var client = ""

    /// Hashes allowed at once.
    public let concurrentHashes: Int
    /// Requests let in at once, hashing or queued.
    public let capacity: Int
    /// Requests one client may have let in at once.
    public let perClientLimit: Int
    /// The nice value of the hashing threads (0: as the process; higher: after the other threads).
    public let niceness: Int32
    private let maximumWait: DispatchTimeInterval
    /// Around an admitted request's wait for its hash, long enough to lend its thread's place to another.
    let stepAside: StepAside
    /// Starts a hashing thread at `niceness`: false when the system refuses one (the tests stand in for a refusal).
    private let startThread: @Sendable (@escaping @Sendable () -> Void) -> Bool
    private let state = Mutex(State())

    /// - Parameters:
    ///   - concurrentHashes: hashes allowed at once.
    ///   - admitting: requests let in at once, hashing or queued (twice the hashes unless told otherwise).
    ///   - perClient: requests one client may have let in at once (a quarter of `admitting`, at least two).
    ///   - maximumWait: how long an admitted request may queue before it is refused.
    ///   - niceness: the hashing threads' nice value (0 to 19); a thread may lower its own priority unprivileged.
    ///   - stepAside: what an admitted request does around its wait (`StepAside`).
    public convenience init(concurrentHashes: Int, admitting: Int? = nil, perClient: Int? = nil,
                            maximumWait: DispatchTimeInterval = .seconds(2), niceness: Int32 = 0,
                            stepAside: StepAside = .justWait) {
        self.init(concurrentHashes: concurrentHashes, admitting: admitting, perClient: perClient,
                  maximumWait: maximumWait, niceness: niceness, stepAside: stepAside,
                  startThread: { body in
                      guard let thread = try? POSIXThread.start(nice: niceness > 0 ? niceness : nil, body) else {
                          return false
                      }
                      thread.detach()
                      return true
                  })
    }

    /// As above, with the way hashing threads are started (a test passes one that the system refuses).
    init(concurrentHashes: Int, admitting: Int?, perClient: Int?, maximumWait: DispatchTimeInterval,
         niceness: Int32, stepAside: StepAside,
         startThread: @escaping @Sendable (@escaping @Sendable () -> Void) -> Bool) {
        precondition(concurrentHashes > 0)
        precondition((0...19).contains(niceness))
        self.concurrentHashes = concurrentHashes
        capacity = max(concurrentHashes, admitting ?? 2 * concurrentHashes)
        perClientLimit = min(capacity, max(perClient ?? capacity / 4, 2))
        self.maximumWait = maximumWait
        self.niceness = niceness
        self.stepAside = stepAside
        self.startThread = startThread
    }

    /// Requests hashing or waiting to hash right now.
    var admittedCount: Int { state.withLock { $0.admitted } }

    /// Hashing threads running right now.
    var hashingThreadCount: Int { state.withLock { $0.hashingThreads } }

    /// Runs `work` on a hashing thread and returns its result; throws `SecurityError.busy` when the queue (or the
    /// client's share of it) is full, or no hashing thread took the work within the maximum wait.
    public func run<T>(_ work: () throws -> T) throws -> T {
        let client = Self.client
        return try withoutActuallyEscaping(work) { work in
            var result: Result<T, any Error>?
            let job = Job { result = Result(catching: work) }
            let admission = state.withLock {
                $0.admit(job, of: client, capacity: capacity, perClient: perClientLimit, threads: concurrentHashes)
            }
            guard let admission else { throw SecurityError.busy }
            defer { state.withLock { $0.leave(client) } }
            try stepAside.run {
                if admission == .startsThread { try startHashingThread(for: job, of: client) }
                try waitFor(job, of: client)
            }
            guard let result else { preconditionFailure("a finished hashing job has a result") }
            return try result.get()
        }
    }

    /// Waits for `job` to be run; a job still queued after the maximum wait leaves the queue (busy), and one that
    /// started meanwhile is waited for (at most one hash more).
    private func waitFor(_ job: Job, of client: String) throws {
        guard job.finished.wait(timeout: .now() + maximumWait) == .timedOut else { return }
        if state.withLock({ $0.withdraw(job, of: client) }) { throw SecurityError.busy }
        job.finished.wait()
    }

    /// Starts the hashing thread that `job`'s admission counted; when the system refuses one, the count goes back
    /// and the job leaves the queue (busy) unless a running hashing thread has taken it meanwhile.
    private func startHashingThread(for job: Job, of client: String) throws {
        let started = startThread { [self] in
            while let job = state.withLock({ $0.nextJob() }) { job.run() }
        }
        guard !started else { return }
        let withdrawn = state.withLock {
            $0.hashingThreads -= 1
            return $0.withdraw(job, of: client)
        }
        if withdrawn { throw SecurityError.busy }
    }
}

extension HashingGate {
    /// Work queued for a hashing thread; `finished` is signalled once it has run.
    final class Job: @unchecked Sendable {
        // @unchecked: `work` is set before the job is queued and taken once: by the hashing thread that took the job
        // out of the queue (under the gate's lock, so no other thread can), or, under the lock, by the caller that
        // withdrew it; the caller reads what the work wrote after `finished`, which orders the two threads.
        private var work: (() -> Void)?
        let finished = DispatchSemaphore(value: 0)

        init(_ work: @escaping () -> Void) {
            self.work = work
        }

        /// Runs the work and lets it go before signalling: the caller's closure must not outlive its call.
        func run() {
            work.take()?()
            finished.signal()
        }

        /// Drops the work unrun (a withdrawn job).
        func discard() {
            work = nil
        }
    }

    enum Admission {
        case queued
        case startsThread
    }

    struct State: ~Copyable {
        var admitted = 0
        var hashingThreads = 0
        var admittedPerClient: [String: Int] = [:]
        var waiting: [String: [Job]] = [:]
        /// The clients with queued work, in the order their turn comes.
        var turns: [String] = []

        mutating func admit(_ job: Job, of client: String, capacity: Int, perClient: Int,
                            threads: Int) -> Admission? {
            let ofClient = admittedPerClient[client, default: 0]
            guard admitted < capacity, ofClient < perClient else { return nil }
            admitted += 1
            admittedPerClient[client] = ofClient + 1
            if waiting[client, default: []].isEmpty { turns.append(client) }
            waiting[client, default: []].append(job)
            guard hashingThreads < threads else { return .queued }
            hashingThreads += 1
            return .startsThread
        }

        mutating func leave(_ client: String) {
            admitted -= 1
            let left = admittedPerClient[client, default: 1] - 1
            admittedPerClient[client] = left > 0 ? left : nil
        }

        /// The next client's first job, taken out of the queue; nil (and one thread fewer) when none is queued.
        mutating func nextJob() -> Job? {
            guard !turns.isEmpty else {
                hashingThreads -= 1
                return nil
            }
            let client = turns.removeFirst()
            let job = waiting[client]!.removeFirst()
            if waiting[client]!.isEmpty { waiting[client] = nil } else { turns.append(client) }
            return job
        }

        /// Takes a job that waited too long out of the queue: true; false when a thread took it meanwhile.
        mutating func withdraw(_ job: Job, of client: String) -> Bool {
            guard var queue = waiting[client], let index = queue.firstIndex(where: { $0 === job }) else {
                return false
            }
            queue.remove(at: index)
            job.discard()
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
