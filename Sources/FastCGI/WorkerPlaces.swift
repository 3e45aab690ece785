import Dispatch
import Glibc

/// The places for workers that take requests: fewer than the worker threads, so that only a few threads run at
/// once, while a worker about to wait a long time (a login queued for Argon2) lends its place to a spare thread
/// rather than holding it.
///
/// Measured on 2 cores (wrk on signed-in `/card`, 32 connections, alternating with the C reference of bench/run.sh):
/// with all 32 threads taking requests, the kernel woke a cold thread for nearly every request and up to 32 runnable
/// threads took turns with nginx on two cores (0.46–0.55 × the C reference, p99 7–11 ms); six places gave 0.6–0.7 ×
/// with p99 5.6–6.5 ms, and, once a page view cost less, four (two per core, `ServeCommand`) gave p99 3.5–4.9 ms
/// where six still gave 5.5–6.5.
final class WorkerPlaces: Sendable {
    // Starts at 0 and is signalled up to the count: libdispatch traps when a semaphore is freed below its
    // initial value, which a server stopping with places taken would otherwise be.
    private let free = DispatchSemaphore(value: 0)

    init(count: Int) {
        for _ in 0..<count { free.signal() }
    }

    /// Waits for a place (a spare worker sleeps here until one is lent or given back).
    func take() { free.wait() }

    func give() { free.signal() }

    /// Wakes every worker that waits for a place, at a stop: they find the connections stopped and return.
    func openAll(_ workers: Int) {
        for _ in 0..<workers { free.signal() }
    }
}

/// The place a worker thread holds, seen by code that runs on that thread (`FastCGIServer.lendingPlace`).
/// Thread-confined: only its own worker touches it.
final class WorkerPlace {
    private let places: WorkerPlaces
    private var lent = false

    init(_ places: WorkerPlaces) {
        self.places = places
    }

    /// Runs on the worker before it takes its first request and after each one it lent its place during.
    func takeIfNeeded(first: Bool = false) {
        guard first || lent else { return }
        places.take()
        lent = false
    }

    /// Gives the place to a spare worker for the rest of this request. The request itself finishes; the worker
    /// waits for a place again before it takes another one.
    func lend<T>(_ body: () throws -> T) rethrows -> T {
        if !lent {
            lent = true
            places.give()
        }
        return try body()
    }

    /// This thread's place while it serves requests; nil on any other thread.
    static var current: WorkerPlace? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<WorkerPlace>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Makes this the calling thread's place for the duration of `body`.
    func holding(_ body: () -> Void) {
        pthread_setspecific(Self.key, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(Self.key, nil) }
        body()
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key for the worker places")
        return key
    }()
}

extension FastCGIServer {
    /// Runs `body`, which waits a long time (for a hashing slot, say), with the calling worker's place lent to a
    /// spare worker, so the wait holds no place that requests need. Anywhere but on a worker thread it just runs.
    public static func lendingPlace<T>(_ body: () throws -> T) rethrows -> T {
        guard let place = WorkerPlace.current else { return try body() }
        return try place.lend(body)
    }
}
