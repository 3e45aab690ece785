import Foundation

/// Persistence of sessions, looked up by token digest.
public protocol SessionStore: Sendable {
    /// The session with this digest, with its signed-in account filled in.
    func session(digest: String) throws -> Session?
    func insert(_ session: Session) throws
    func touch(digest: String, at: Date) throws
    func delete(digest: String) throws
    /// Removes sessions idle since `idleBefore` or created before `createdBefore`.
    func deleteExpired(idleBefore: Date, createdBefore: Date) throws
    /// Signs out: deletes the session and records the event in one transaction.
    func end(digest: String, event: AuditEvent) throws
}
