import Foundation
import GRDB

extension AppDatabase {
    /// A consistent copy of the whole database at `path`, taken with SQLite's online backup while the portal keeps
    /// serving (readers and the writer go on; the copy is one snapshot). Written beside `path` first and moved into
    /// place, so a half-written copy never carries the final name. Refuses to overwrite an existing file.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError.unavailable("\(path) already exists; choose a new file for the backup")
        }
        let partial = path + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let copy = try DatabaseQueue(path: partial)
            try writer.backup(to: copy)
            try copy.close()
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch let error as DatabaseError {
            try? FileManager.default.removeItem(atPath: partial)
            throw StoreError(error)
        }
    }
}
