import Glibc

/// A joinable POSIX thread.
///
/// Workers block inside libfcgi for as long as no request comes, so they get threads of their own
/// rather than the Swift concurrency pool, whose few threads must never block. Threads inherit the
/// creating thread's signal mask, which is how workers keep SIGINT/SIGTERM blocked.
struct WorkerThread: Sendable {
    private let id: pthread_t

    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Starts `body` on a new thread; nil (with the reason logged) if the system refuses one.
    static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var id = pthread_t()
        let status = pthread_create(&id, nil, { context in
            Unmanaged<Body>.fromOpaque(context!).takeRetainedValue().run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            StandardError.log("cannot start a worker thread: \(String(cString: strerror(status)))")
            return nil
        }
        return WorkerThread(id: id)
    }

    func join() {
        pthread_join(id, nil)
    }

    /// Lets a thread that is still stuck (or already done) release its resources when it ends.
    func detach() {
        pthread_detach(id)
    }
}
