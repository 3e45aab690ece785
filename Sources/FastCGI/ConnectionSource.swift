import CFastCGI
import Glibc
import Synchronization

/// Hands worker threads the connections that have a request to read: new ones from the listening socket,
/// and kept ones (nginx's `fastcgi_keep_conn`) that were parked between requests.
///
/// libfcgi on its own ties a thread to a kept connection for as long as nginx keeps it idle, so with fewer
/// threads than open connections a new request waits in the backlog behind idle ones (DESIGN.md's p99 trap).
/// Here an idle connection costs only its place in an epoll set: threads are needed only for the requests
/// in flight. Every idle worker waits in `epoll_wait` on the one set, and the kernel wakes one of them per
/// event; each descriptor is one-shot, so exactly one worker gets it until it is parked (re-armed) again.
/// No lock or condition stands between a request and its worker (a leader handing the waiting role to followers
/// under a mutex cost an eighth of the app's time in futex calls under load: bench/run.sh, perf).
final class ConnectionSource: Sendable {
    private let listeningFD: Int32
    private let epollFD: Int32
    /// Written once to wake every waiting worker when the server stops; never read, so it stays readable.
    private let stopFD: Int32
    /// Kept connections beyond this many are closed instead of parked (nginx opens a new one when it needs it).
    private let maximumParked: Int

    /// Which descriptors are parked, one flag per descriptor number, so that a stop closes them; a worker clears
    /// the flag before serving a connection. Atomics, not a lock: a mutex here, taken twice per request by 32
    /// threads on two cores, was where an eighth of the app's time went (futex calls, perf under bench/run.sh).
    // nonisolated(unsafe): the pointer never changes and every element is an atomic.
    nonisolated(unsafe) private let isParked: UnsafeMutablePointer<Atomic<Bool>>
    /// Descriptor numbers from this on are never parked (closed instead); the process's descriptor limit.
    private let parkableDescriptors: Int
    private let parkedCount = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    init(listeningFD: Int32, maximumParked: Int = 4096) throws(FastCGIError) {
        self.listeningFD = listeningFD
        self.maximumParked = maximumParked
        parkableDescriptors = Self.descriptorLimit()
        isParked = .allocate(capacity: parkableDescriptors)
        for fd in 0..<parkableDescriptors { (isParked + fd).initialize(to: Atomic(false)) }
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        stopFD = eventfd(0, Int32(EFD_CLOEXEC))
        guard epollFD >= 0, stopFD >= 0 else { throw .cannotOpenSocket(path: "epoll", reason: systemError()) }
        // Non-blocking, so a worker woken for a connection another one took is not stuck in accept.
        _ = fcntl(listeningFD, F_SETFL, fcntl(listeningFD, F_GETFL) | O_NONBLOCK)
        guard watch(listeningFD, events: Self.oneShot), watch(stopFD, events: EPOLLIN.rawValue) else {
            throw .cannotOpenSocket(path: "epoll", reason: systemError())
        }
    }

    deinit {
        closeParked()
        isParked.deinitialize(count: parkableDescriptors)
        isParked.deallocate()
        Glibc.close(epollFD)
        Glibc.close(stopFD)
    }

    /// Read events, one worker at a time: the descriptor is disarmed once its event is delivered.
    private static let oneShot = EPOLLIN.rawValue | EPOLLONESHOT.rawValue
    /// A parked connection also wakes a worker when nginx closes it, so that libfcgi closes our side.
    private static let parkedEvents = oneShot | EPOLLRDHUP.rawValue

    /// A connection with a request to read (blocking), or nil once the server stops.
    func next() -> Int32? {
        var event = epoll_event()
        while true {
            let count = epoll_wait(epollFD, &event, 1, -1)
            if count < 0 {
                if errno == EINTR { continue }
                StandardError.log("epoll_wait failed: \(systemError())")
                return nil
            }
            guard count == 1 else { continue }
            let fd = event.data.fd
            if fd == stopFD { return nil }
            if fd == listeningFD {
                let connection = acceptReadable()
                if !rearm(listeningFD, events: Self.oneShot), !stopped.load(ordering: .relaxed) {
                    // Then no worker is woken for new connections again: the portal takes no more of them.
                    StandardError.log("epoll_ctl could not re-arm the listening socket: \(systemError())")
                }
                if let connection { return connection }
                continue
            }
            // A stop may have closed it between the event and here; then it is no longer ours to serve.
            if unpark(fd) { return fd }
        }
    }

    /// Keeps a connection nginx will send its next request on; a worker gets it back from `next()` then.
    func park(_ fd: Int32) {
        guard Int(fd) < parkableDescriptors,
              parkedCount.wrappingAdd(1, ordering: .relaxed).newValue <= maximumParked else {
            if Int(fd) < parkableDescriptors { parkedCount.wrappingSubtract(1, ordering: .relaxed) }
            Glibc.close(fd)
            return
        }
        // Flagged before it is armed, so the worker its next request wakes finds it parked; checked for a stop after,
        // so that either this or `stop()` sees the other (sequentially consistent) and the connection is closed once.
        isParked[Int(fd)].store(true, ordering: .sequentiallyConsistent)
        if stopped.load(ordering: .sequentiallyConsistent)
            || !(rearm(fd, events: Self.parkedEvents) || watch(fd, events: Self.parkedEvents)) {
            if unpark(fd) { Glibc.close(fd) }
        }
    }

    /// Takes a parked connection out (true), or finds that a stop or another worker already has (false).
    private func unpark(_ fd: Int32) -> Bool {
        guard Int(fd) < parkableDescriptors,
              isParked[Int(fd)].exchange(false, ordering: .sequentiallyConsistent) else { return false }
        parkedCount.wrappingSubtract(1, ordering: .relaxed)
        return true
    }

    /// Wakes every waiting worker; `next()` answers nil from now on. Parked connections close.
    func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        // Level-triggered and never read: every worker's epoll_wait sees it, now and later.
        var one: UInt64 = 1
        _ = write(stopFD, &one, MemoryLayout<UInt64>.size)
        closeParked()
    }

    private func closeParked() {
        for fd in 0..<Int32(parkableDescriptors) where unpark(fd) { Glibc.close(fd) }
    }

    /// The soft limit on open descriptors (no descriptor number reaches it), at most a million.
    private static func descriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return 1 << 20 }
        return Int(min(limit.rlim_cur, 1 << 20))
    }

    /// Accepts every waiting connection (up to a batch): the first with its request to read is this worker's, the
    /// others are parked and so queue behind the kept connections already waiting, in turn. Taking one per event
    /// instead left new connections to one accept per round of the whole ready list: at 256 connections, p99 went
    /// from 47 to 125 ms (bench/run.sh). A connection that has sent nothing yet is parked too, so that no worker
    /// blocks on it (nginx sends at once, but a thread must not depend on it).
    private func acceptReadable() -> Int32? {
        var mine: Int32?
        for _ in 0..<Self.acceptBatch {
            guard let fd = acceptOne() else { break }
            var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if mine == nil, Glibc.poll(&probe, 1, 0) == 1 {
                mine = fd
            } else {
                park(fd)
            }
        }
        return mine
    }

    private static let acceptBatch = 64

    /// One waiting connection, if another worker has not taken it first.
    private func acceptOne() -> Int32? {
        while true {
            // Blocking descriptors (accept gives them so): libfcgi reads and writes them with plain read/write.
            let fd = accept(listeningFD, nil, nil)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                return fd
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EMFILE, ENFILE:
                StandardError.log("accept failed: \(systemError()); connections wait until descriptors free up")
                // The socket stays readable: without a pause the workers would spin on it.
                usleep(100_000)
                return nil
            case EAGAIN, EINVAL:
                // None waiting; EINVAL after the socket was shut down for a stop.
                return nil
            default:
                // ENOBUFS, ENOMEM, EPERM (a firewall rule): said, and paused on like a lack of descriptors.
                StandardError.log("accept failed: \(systemError()); trying again in 0.1 s")
                usleep(100_000)
                return nil
            }
        }
    }

    private func watch(_ fd: Int32, events: UInt32) -> Bool {
        control(EPOLL_CTL_ADD, fd, events: events)
    }

    /// Arms a descriptor that is already in the set again (false if it is not: a connection new to the set).
    @discardableResult
    private func rearm(_ fd: Int32, events: UInt32) -> Bool {
        control(EPOLL_CTL_MOD, fd, events: events)
    }

    private func control(_ operation: Int32, _ fd: Int32, events: UInt32) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        return epoll_ctl(epollFD, operation, fd, &event) == 0
    }
}
