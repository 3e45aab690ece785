import Glibc
import GRDB

/// A read-only connection of its own for each thread that reads (the FastCGI workers): a read then runs on
/// the calling thread at once, with no wait for one of the pool's few connections and no hop to its queue
/// (perf showed a fifth of a signed-in page view in the pool's queue handoffs). A thread's connection closes
/// when the thread ends.
final class ThreadReaders: @unchecked Sendable {
    // @unchecked: `key` is written once in init; each thread only ever touches its own slot of it.
    private var key = pthread_key_t()
    private let path: String
    private let configuration: Configuration

    init(path: String, configuration base: Configuration) {
        self.path = path
        var configuration = base
        configuration.readonly = true
        // Small per connection: there is one per worker thread, and SQLite's default is 2 MB each.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -512") }
        self.configuration = configuration
        pthread_key_create(&key) { connection in
            guard let connection else { return }
            Unmanaged<DatabaseQueue>.fromOpaque(connection).release()
        }
    }

    /// This thread's connection, opened on its first read.
    func current() throws -> DatabaseQueue {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<DatabaseQueue>.fromOpaque(existing).takeUnretainedValue()
        }
        let connection = try DatabaseQueue(path: path, configuration: configuration)
        pthread_setspecific(key, Unmanaged.passRetained(connection).toOpaque())
        return connection
    }
}
