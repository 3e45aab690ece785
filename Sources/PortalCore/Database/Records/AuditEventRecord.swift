import Foundation

/// A row of `audit_events`.
struct AuditEventRecord: SnakeCaseRecord {
    static let databaseTableName = "audit_events"
    var id: Int64?
    var kind: String
    var occurredAt: Date
    var accountId: Int64?
    var subject: String?
    var remoteAddress: String?
    var detail: String?

    init(_ event: AuditEvent) {
        kind = event.kind.rawValue
        occurredAt = event.occurredAt
        accountId = event.accountID
        subject = event.subject
        remoteAddress = event.remoteAddress
        detail = event.detail
    }

    var event: AuditEvent? {
        guard let kind = AuditEvent.Kind(rawValue: kind) else { return nil }
        return AuditEvent(kind, at: occurredAt, accountID: accountId, subject: subject,
                          remoteAddress: remoteAddress, detail: detail)
    }
}
