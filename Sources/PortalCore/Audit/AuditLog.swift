/// Where audit events are appended and read back (for operators and tests); never updated or deleted.
public protocol AuditLog: Sendable {
    func append(_ event: AuditEvent) throws
    func events(accountID: Int64) throws -> [AuditEvent]
    func events(kind: AuditEvent.Kind) throws -> [AuditEvent]
}
