import GRDB

extension AppDatabase: AuditLog {
    public func append(_ event: AuditEvent) throws {
        try write { db in try AuditEventRecord(event).insert(db) }
    }

    public func events(accountID: Int64) throws -> [AuditEvent] {
        try read { db in
            try AuditEventRecord.filter(Column("account_id") == accountID).order(Column("id")).fetchAll(db)
                .compactMap(\.event)
        }
    }

    public func events(kind: AuditEvent.Kind) throws -> [AuditEvent] {
        try read { db in
            try AuditEventRecord.filter(Column("kind") == kind.rawValue).order(Column("id")).fetchAll(db)
                .compactMap(\.event)
        }
    }
}
