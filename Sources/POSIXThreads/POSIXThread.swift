import Glibc

/// A POSIX thread, joinable until detached: the FastCGI workers and the hashing threads.
///
/// They block for long stretches (in libfcgi's accept, in Argon2), so they get threads of their own rather than the
/// Swift concurrency pool, whose few threads must never block; and unlike Foundation's `Thread`, a start the system
/// refuses is reported. Threads inherit the creating thread's signal mask, which is how workers keep SIGINT/SIGTERM
/// blocked.
public struct POSIXThread: Sendable {
    /// The system refused a new thread (`pthread_create`'s error, EAGAIN when threads or memory ran out).
    public struct Refused: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    private let id: pthread_t

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new thread; with `nice` above the caller's, the thread first lowers its own priority
    /// to it (no privilege needed for that; if the kernel refuses anyway, it runs at the caller's priority).
    public static func start(nice: Int32? = nil,
                             _ body: @escaping @Sendable () -> Void) throws(Refused) -> POSIXThread {
        let run: @Sendable () -> Void = if let nice {
            {
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, nice)
                body()
            }
        } else {
            body
        }
        let context = Unmanaged.passRetained(Body(run)).toOpaque()
        var id = pthread_t()
        let status = pthread_create(&id, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw Refused(code: status)
        }
        return POSIXThread(id: id)
    }

    /// The calling thread's nice value (on Linux nice is per thread: PRIO_PROCESS with 0 is the calling thread).
    public static var callingThreadNice: Int32 {
        getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
    }

    public func join() {
        pthread_join(id, nil)
    }

    /// Lets the thread release its resources when it ends (one that is still stuck, already done, or never joined).
    public func detach() {
        pthread_detach(id)
    }
}
