import Foundation
import GRDB

/// The portal's SQLite database (WAL via a GRDB pool on disk, an in-memory queue in tests).
/// It implements every store protocol of the domain; GRDB types do not leave this folder.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter
    /// On disk, reads go to the calling thread's own connection; in memory there is only the writer's.
    private let threadReaders: ThreadReaders?

    init(_ writer: any DatabaseWriter, threadReaders: ThreadReaders? = nil) throws {
        self.writer = writer
        self.threadReaders = threadReaders
        do { try Self.migrator.migrate(writer) } catch let error as DatabaseError { throw StoreError(error) }
    }

    /// Opens (creating and migrating when needed) the database file at `path`.
    public static func onDisk(path: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Survives a crash of the process without losing committed steps; cheaper than FULL under WAL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool: DatabasePool
        do { pool = try DatabasePool(path: path, configuration: configuration) } catch let error as DatabaseError {
            throw StoreError(error)
        }
        return try AppDatabase(pool, threadReaders: ThreadReaders(path: path, configuration: configuration))
    }

    /// A fresh private database, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    /// Every store this database implements, for the composition root.
    public var stores: PortalStores {
        PortalStores(accounts: self, attempts: self, sessions: self, registry: self, audit: self, smsCodes: self,
                     passwordResets: self, permitServices: self,
                     reminders: self)
    }

    /// Runs one step as one transaction; everything it writes lands together or not at all.
    /// GRDB's errors become `StoreError`s here: they never leave this folder.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        do { return try writer.write(updates) } catch let error as DatabaseError { throw StoreError(error) }
    }

    func read<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            if let threadReaders { return try threadReaders.current().read(value) }
            return try writer.read(value)
        } catch let error as DatabaseError { throw StoreError(error) }
    }

    /// A read that is one statement, which is its own snapshot: a thread's reader runs it outside a transaction.
    func readOneStatement<T>(_ value: (Database) throws -> T) throws -> T {
        do {
            if let threadReaders { return try threadReaders.current().inDatabase(value) }
            return try writer.read(value)
        } catch let error as DatabaseError { throw StoreError(error) }
    }

    /// The names of the migrations applied so far, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }
}

extension StoreError {
    init(_ error: DatabaseError) {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: self = .conflict(error.description)
        default: self = .unavailable(error.description)
        }
    }
}
