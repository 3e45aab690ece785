import CFastCGI
import Dispatch
import Glibc
import POSIXThreads
import Synchronization

/// libfcgi wants one process-wide initialisation; a global is initialised exactly once even when
/// several servers start at the same time.
private let libraryStatus: Int32 = FCGX_Init()

/// A FastCGI responder on a unix socket: worker threads take connections with a request waiting
/// (`ConnectionSource`), read it with libfcgi and hand it, as a plain value, to a synchronous handler.
public final class FastCGIServer: Sendable {
    let socket: ListeningSocket
    let workerCount: Int
    let maxBodyBytes: Int
    /// How long `run()` waits for workers after a stop before it returns without them: a handler that
    /// never returns must not keep the process from stopping.
    let drainTimeout: Duration
    let connections: ConnectionSource
    /// How many workers take requests at once (`WorkerPlaces`); the others are spares for those that wait.
    let places: WorkerPlaces
    let state = Mutex<State>(State())

    struct State: Sendable {
        var stopRequested = false
        var hasRun = false
        /// The thread waiting in `run()` for a stop signal; `stop()` wakes it with SIGTERM.
        var runThread: pthread_t?
        var socketClosed = false
    }

    /// Opens (and owns) the unix socket; removes a stale socket file first; chmod 0660; chown to the group if given.
    ///
    /// The socket listens from here on, so connections made before `run()` wait in the backlog.
    /// `takingRequests` of the `workerCount` workers take requests at once (all, unless told); the rest are spares
    /// that a worker lends its place to while it waits (`lendingPlace`).
    public convenience init(
        socketPath: String,
        socketGroup: String? = nil,
        workerCount: Int = 8,
        takingRequests: Int? = nil,
        maxBodyBytes: Int = 5 << 20,
        backlog: Int32 = 1024
    ) throws {
        try self.init(socketPath: socketPath, socketGroup: socketGroup, workerCount: workerCount,
                      takingRequests: takingRequests, maxBodyBytes: maxBodyBytes, backlog: backlog,
                      drainTimeout: .seconds(5))
    }

    package init(
        socketPath: String,
        socketGroup: String?,
        workerCount: Int,
        takingRequests: Int? = nil,
        maxBodyBytes: Int,
        backlog: Int32,
        drainTimeout: Duration
    ) throws {
        precondition(workerCount > 0, "a FastCGI server needs at least one worker")
        precondition((takingRequests ?? 1) > 0, "a FastCGI server needs at least one worker taking requests")
        precondition(maxBodyBytes >= 0, "maxBodyBytes cannot be negative")
        guard libraryStatus == 0 else { throw FastCGIError.cannotInitializeLibrary(code: libraryStatus) }
        socket = try ListeningSocket(path: socketPath, group: socketGroup, backlog: backlog)
        connections = try ConnectionSource(listeningFD: socket.fd)
        self.workerCount = workerCount
        places = WorkerPlaces(count: min(takingRequests ?? workerCount, workerCount))
        self.maxBodyBytes = maxBodyBytes
        self.drainTimeout = drainTimeout
    }

    deinit {
        // A server that never ran still owns its socket file.
        if !state.withLock({ $0.socketClosed }) {
            socket.stopAccepting()
            socket.removeFile()
            socket.close()
        }
    }

    /// Runs `workerCount` worker threads, each reading a request with FCGX_Accept_r and calling `handler` on it,
    /// then writing the response and calling FCGX_Finish_r.
    ///
    /// Blocks until SIGTERM or SIGINT arrives (or `stop()` is called), then stops accepting, lets in-flight
    /// requests finish, joins the workers, removes the socket file and returns. Call it once, from any thread;
    /// while it runs, SIGINT/SIGTERM sent to the process stop this server instead of killing the process.
    /// Workers still busy after the drain timeout (5 s) are left behind, detached.
    ///
    /// Returns true when it stopped because it was asked to, false when no worker thread could be started.
    @discardableResult
    public func run(handler: @escaping @Sendable (FastCGIRequest) -> FastCGIResponse) -> Bool {
        let alreadyRan = state.withLock { state in
            defer { state.hasRun = true }
            return state.hasRun
        }
        precondition(!alreadyRan, "FastCGIServer.run() can be called only once")

        let previousMask = StopSignals.blockInCallingThread()
        let thread = pthread_self()
        let stopAlreadyRequested = state.withLock { state in
            if !state.stopRequested { state.runThread = thread }
            return state.stopRequested
        }
        StopSignals.forward(to: thread)

        let exited = DispatchSemaphore(value: 0)
        var workers: [POSIXThread] = []
        for _ in 0..<workerCount {
            do {
                workers.append(try POSIXThread.start { [self] in
                    serveUntilStopped(handler: handler)
                    exited.signal()
                })
            } catch {
                StandardError.log("cannot start a worker thread: \(error)")
            }
        }
        if !stopAlreadyRequested && !workers.isEmpty {
            StopSignals.waitForStop()
        }

        state.withLock { state in
            state.stopRequested = true
            state.runThread = nil
        }
        StopSignals.stopForwarding(to: thread)
        connections.stop()
        places.openAll(workerCount)
        socket.stopAccepting()
        socket.removeFile()

        if allExited(workers.count, exited) {
            workers.forEach { $0.join() }
            socket.close()
            state.withLock { $0.socketClosed = true }
        } else {
            // The descriptor stays open (shut down) on purpose: a straggler may still call accept on it,
            // and a closed number could by then belong to another socket.
            workers.forEach { $0.detach() }
            StandardError.log("stopped with workers still busy after \(drainTimeout); left them behind")
        }
        StopSignals.discardPending()
        StopSignals.restore(previousMask)
        return stopAlreadyRequested || !workers.isEmpty
    }

    /// Stops the server as SIGTERM would: `run()` stops accepting, drains and returns. Safe from any thread,
    /// also before `run()` (which then returns at once).
    public func stop() {
        state.withLock { state in
            guard !state.stopRequested else { return }
            state.stopRequested = true
            // Sent under the lock: `run()` clears runThread under it too, before it unblocks the signal,
            // so this SIGTERM is always caught by sigwait or discarded, never delivered.
            if let thread = state.runThread {
                pthread_kill(thread, SIGTERM)
            }
        }
    }

    private func allExited(_ count: Int, _ exited: DispatchSemaphore) -> Bool {
        let (seconds, attoseconds) = drainTimeout.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let deadline = DispatchTime.now() + .nanoseconds(Int(clamping: nanoseconds))
        for _ in 0..<count {
            if exited.wait(timeout: deadline) == .timedOut { return false }
        }
        return true
    }
}
