import Foundation
import GRDB

/// The portal's SQLite database (WAL via a GRDB pool on disk, an in-memory queue in tests).
/// It implements every store protocol of the domain; GRDB types do not leave this folder.
public final class AppDatabase: Sendable {
    let writer: any DatabaseWriter

    init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens (creating and migrating when needed) the database file at `path`.
    public static func onDisk(path: String) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // Survives a crash of the process without losing committed steps; cheaper than FULL under WAL.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return try AppDatabase(DatabasePool(path: path, configuration: configuration))
    }

    /// A fresh private database, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue())
    }

    /// Runs one step as one transaction; everything it writes lands together or not at all.
    func write<T>(_ updates: (Database) throws -> T) throws -> T {
        try writer.write(updates)
    }

    func read<T>(_ value: (Database) throws -> T) throws -> T {
        try writer.read(value)
    }

    /// The names of the migrations applied so far, oldest first.
    public func appliedMigrations() throws -> [String] {
        try read { db in try Self.migrator.appliedMigrations(db) }
    }
}
