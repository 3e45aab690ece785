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

    /// Starts `body` on a new thread.
    public static func start(_ body: @escaping @Sendable () -> Void) throws(Refused) -> POSIXThread {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
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

    public func join() {
        pthread_join(id, nil)
    }

    /// Lets the thread release its resources when it ends (one that is still stuck, already done, or never joined).
    public func detach() {
        pthread_detach(id)
    }
}
