import Glibc
import Synchronization

/// SIGINT and SIGTERM: waited for with sigwait in the thread that runs the server.
///
/// sigwait only sees a process-directed signal when no other thread can take it, so the run thread
/// blocks both before it starts the workers (who inherit the mask). A thread started elsewhere, or the
/// main thread when `run()` is called from another one, may still have them unblocked; for that case a
/// process-wide handler forwards the signal to the run thread. Without it, libfcgi's own SIGTERM handler
/// (installed by `FCGX_Init`) would only set a flag and the server would never stop.
enum StopSignals {
    /// The thread waiting in `waitForStop()`, or 0. Read by the signal handler, hence an atomic.
    private static let target = Atomic<UInt>(0)

    private static let forwardingInstalled: Void = {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            let target = StopSignals.target.load(ordering: .acquiring)
            if target != 0 {
                pthread_kill(pthread_t(target), signal)
            } else {
                // No server is waiting: behave as if we had never touched the signal.
                Glibc.signal(signal, SIG_DFL)
                raise(signal)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART  // the interrupted thread's read/write/accept carry on
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }()

    static var set: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }

    /// Blocks SIGINT/SIGTERM in the calling thread; returns the mask to restore afterwards.
    static func blockInCallingThread() -> sigset_t {
        var set = Self.set
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &set, &previous)
        return previous
    }

    /// Makes stray deliveries reach `thread`, which must have the signals blocked.
    static func forward(to thread: pthread_t) {
        _ = forwardingInstalled
        target.store(UInt(thread), ordering: .releasing)
    }

    static func stopForwarding(to thread: pthread_t) {
        _ = target.compareExchange(expected: UInt(thread), desired: 0, ordering: .acquiringAndReleasing)
    }

    /// Blocks until SIGINT or SIGTERM is pending for this thread or the process, and consumes it.
    static func waitForStop() {
        var set = Self.set
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 || (received != SIGINT && received != SIGTERM) {}
    }

    /// Consumes signals that arrived while stopping (a second Ctrl-C, `stop()` racing a SIGTERM), so that
    /// restoring the mask does not deliver them to the default action and kill a process that is stopping cleanly.
    static func discardPending() {
        var set = Self.set
        var pending = sigset_t()
        var received: Int32 = 0
        while sigpending(&pending) == 0,
              sigismember(&pending, SIGINT) == 1 || sigismember(&pending, SIGTERM) == 1 {
            sigwait(&set, &received)
        }
    }

    static func restore(_ mask: sigset_t) {
        var mask = mask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
    }

    /// Workers write to web-server connections that may close at any moment; with SIGPIPE blocked the
    /// write just fails with EPIPE instead of killing the process, whatever disposition the process has.
    static func blockBrokenPipeInCallingThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }
}
