import CFastCGI
import Glibc

/// Hands worker threads the connections that have a request to read: new ones from the listening socket,
/// and kept ones (nginx's `fastcgi_keep_conn`) that were parked between requests.
///
/// libfcgi on its own ties a thread to a kept connection for as long as nginx keeps it idle, so with fewer
/// threads than open connections a new request waits in the backlog behind idle ones (DESIGN.md's p99 trap).
/// Here an idle connection costs only its place in an epoll set: threads are needed only for the requests
/// in flight. Leader and followers: one idle worker waits in `epoll_wait`, keeps the first connection it
/// finds for itself and leaves the rest, and the waiting role, to the other idle workers.
final class ConnectionSource: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `mutex`; the descriptors are only used through syscalls.
    private let listeningFD: Int32
    private let epollFD: Int32
    /// Written once to wake the poller when the server stops.
    private let stopFD: Int32
    /// Kept connections beyond this many are closed instead of parked (nginx opens a new one when it needs it).
    private let maximumParked: Int

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var ready: [Int32] = []
    private var parked: Set<Int32> = []
    private var someoneIsPolling = false
    private var stopped = false

    private static let batch = 64

    init(listeningFD: Int32, maximumParked: Int = 4096) throws(FastCGIError) {
        self.listeningFD = listeningFD
        self.maximumParked = maximumParked
        epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        stopFD = eventfd(0, Int32(EFD_CLOEXEC))
        guard epollFD >= 0, stopFD >= 0 else { throw .cannotOpenSocket(path: "epoll", reason: systemError()) }
        // Non-blocking, so the poller takes every waiting connection and then returns to epoll.
        _ = fcntl(listeningFD, F_SETFL, fcntl(listeningFD, F_GETFL) | O_NONBLOCK)
        guard watch(listeningFD, events: EPOLLIN.rawValue), watch(stopFD, events: EPOLLIN.rawValue) else {
            throw .cannotOpenSocket(path: "epoll", reason: systemError())
        }
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        for fd in ready { Glibc.close(fd) }
        for fd in parked { Glibc.close(fd) }
        Glibc.close(epollFD)
        Glibc.close(stopFD)
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        condition.deallocate()
    }

    /// A connection with a request to read (blocking), or nil once the server stops.
    func next() -> Int32? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while !stopped {
            if !ready.isEmpty { return ready.removeFirst() }
            guard !someoneIsPolling else {
                pthread_cond_wait(condition, mutex)
                continue
            }
            someoneIsPolling = true
            pthread_mutex_unlock(mutex)
            let found = poll()
            pthread_mutex_lock(mutex)
            someoneIsPolling = false
            for fd in found { parked.remove(fd) }
            ready.append(contentsOf: found)
            // One follower per connection found beyond ours, and one more to take over the waiting.
            for _ in 0..<min(ready.count, Self.batch) { pthread_cond_signal(condition) }
        }
        return nil
    }

    /// Keeps a connection nginx will send its next request on; a worker gets it back from `next()` then.
    func park(_ fd: Int32) {
        pthread_mutex_lock(mutex)
        let accepted = !stopped && parked.count < maximumParked
            && watch(fd, events: EPOLLIN.rawValue | EPOLLRDHUP.rawValue | EPOLLONESHOT.rawValue)
        if accepted { parked.insert(fd) }
        pthread_mutex_unlock(mutex)
        if !accepted { Glibc.close(fd) }
    }

    /// Wakes every waiting worker; `next()` answers nil from now on. Parked connections close.
    func stop() {
        pthread_mutex_lock(mutex)
        stopped = true
        var one: UInt64 = 1
        _ = write(stopFD, &one, MemoryLayout<UInt64>.size)
        pthread_cond_broadcast(condition)
        for fd in parked { Glibc.close(fd) }
        parked.removeAll()
        pthread_mutex_unlock(mutex)
    }

    /// Waits for connections with something to read: parked ones that nginx wrote to (or closed: libfcgi then
    /// sees the end and closes its side) and new ones, accepted here.
    private func poll() -> [Int32] {
        var events = [epoll_event](repeating: epoll_event(), count: Self.batch)
        var found: [Int32] = []
        while found.isEmpty {
            let count = epoll_wait(epollFD, &events, Int32(Self.batch), -1)
            if count < 0 {
                if errno == EINTR { continue }
                StandardError.log("epoll_wait failed: \(systemError())")
                return []
            }
            for event in events.prefix(Int(count)) {
                let fd = event.data.fd
                if fd == stopFD { return found }
                if fd == listeningFD {
                    found.append(contentsOf: acceptWaiting(limit: Self.batch))
                } else {
                    epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
                    found.append(fd)
                }
            }
        }
        return found
    }

    private func acceptWaiting(limit: Int) -> [Int32] {
        var accepted: [Int32] = []
        while accepted.count < limit {
            // Blocking descriptors (accept gives them so): libfcgi reads and writes them with plain read/write.
            let fd = accept(listeningFD, nil, nil)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                accepted.append(fd)
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED: continue
            case EAGAIN: return accepted
            case EMFILE, ENFILE:
                StandardError.log("accept failed: \(systemError()); connections wait until descriptors free up")
                // The socket stays readable: without a pause the poller would spin on it.
                usleep(100_000)
                return accepted
            default:
                // EINVAL after the socket was shut down for a stop.
                return accepted
            }
        }
        return accepted
    }

    private func watch(_ fd: Int32, events: UInt32) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        return epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0
    }
}
