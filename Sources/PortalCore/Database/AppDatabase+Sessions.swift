import Foundation
import GRDB

extension AppDatabase: SessionStore {
    public func session(digest: String) throws -> Session? {
        try read { db in try SessionRecord.fetchOne(db, key: digest)?.session }
    }

    public func insert(_ session: Session) throws {
        try write { db in try SessionRecord(session).insert(db) }
    }

    public func touch(digest: String, at date: Date) throws {
        try write { db in
            try db.execute(sql: "UPDATE sessions SET last_seen_at = ? WHERE token_digest = ?", arguments: [date, digest])
        }
    }

    public func delete(digest: String) throws {
        _ = try write { db in try SessionRecord.deleteOne(db, key: digest) }
    }

    public func deleteExpired(idleBefore: Date, createdBefore: Date) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?",
                           arguments: [idleBefore, createdBefore])
        }
    }

    public func end(digest: String, event: AuditEvent) throws {
        try write { db in
            try SessionRecord.deleteOne(db, key: digest)
            try AuditEventRecord(event).insert(db)
        }
    }
}
