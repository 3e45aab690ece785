import Glibc

/// The lock that serialises libfcgi's accept. A plain pthread mutex, not `Synchronization.Mutex`: on Linux
/// the latter is a priority-inheritance futex whose slow path showed as 11% of the app's CPU under wrk,
/// with eight workers queueing on it around a blocking accept().
final class AcceptLock: @unchecked Sendable {
    // @unchecked: the mutex lives on the heap at a fixed address and is only used through pthread calls.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
