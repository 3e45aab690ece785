import Foundation
import GRDB

extension AppDatabase: AccountStore {
    public func account(id: Int64) throws -> Account? {
        try read { db in try AccountRecord.fetchOne(db, key: id)?.account }
    }

    public func account(permitNumber: String) throws -> Account? {
        try read { db in try AccountRecord.filter(Column("permit_number") == permitNumber).fetchOne(db)?.account }
    }

    public func create(_ account: Account, session: NewSession, event: AuditEvent) throws -> Account {
        do {
            return try write { db in
                var record = AccountRecord(account)
                var event = event
                var faceAttempts = Attempts()
                if let unfinished = try AccountRecord
                    .filter(Column("permit_number") == account.permitNumber
                            && Column("state") == Account.State.pendingFace.rawValue)
                    .fetchOne(db)?.account {
                    // Registering again must not buy fresh face attempts: the count and lock carry over.
                    faceAttempts = try Self.attempts(.face, accountID: unfinished.id, in: db)
                    // Its sessions go with it (ON DELETE CASCADE), so whoever started that registration is signed out.
                    try AccountRecord.deleteOne(db, key: unfinished.id)
                    event = event.with(detail: "replaced account \(unfinished.id), which had not finished facial recognition")
                }
                try record.insert(db)
                record.id = db.lastInsertedRowID
                guard let created = record.account else { throw StoreError.unavailable("account row without id") }
                try Self.carryOver(faceAttempts, .face, to: created.id, in: db)
                try Self.insert(session, accountID: created.id, in: db)
                try AuditEventRecord(event.about(accountID: created.id)).insert(db)
                return created
            }
        } catch StoreError.conflict {
            throw AccountStoreError.duplicatePermit
        }
    }

    public func recordLogin(accountID: Int64, session: NewSession, event: AuditEvent) throws {
        try write { db in
            // Replaced by a new registration since it was read: there is nothing to sign in to.
            guard try Self.accountExists(accountID, in: db) else { throw AccountStoreError.noSuchAccount }
            try Self.clearFailures(.login, accountID: accountID, at: event.occurredAt, in: db)
            try Self.insert(session, accountID: accountID, in: db)
            try AuditEventRecord(event).insert(db)
        }
    }

    public func recordFaceVerified(accountID: Int64, newState: Account.State, collectedAt: Date?,
                                   event: AuditEvent) throws {
        try write { db in
            try Self.clearFailures(.face, accountID: accountID, at: event.occurredAt, in: db)
            try db.execute(sql: """
                UPDATE accounts SET state = ?, collected_at = ?
                WHERE id = ? AND state = ?
                """, arguments: [newState.rawValue, collectedAt, accountID, Account.State.pendingFace.rawValue])
            // A parallel submission got there first, or the account was replaced: nothing more to record.
            guard db.changesCount == 1 else { return }
            try AuditEventRecord(event).insert(db)
        }
    }

    public func completeRealName(accountID: Int64, method: RealNameMethod, phone: String, codeID: Int64,
                                 event: AuditEvent) throws {
        try write { db in
            try Self.consume(codeID: codeID, at: event.occurredAt, in: db)
            try db.execute(sql: """
                UPDATE accounts SET state = ?, collected_at = ?, real_name_method = ?, verified_phone = ?,
                                    real_name_verified_at = ?
                WHERE id = ? AND state = ?
                """, arguments: [Account.State.active.rawValue, event.occurredAt, method.rawValue, phone,
                                 event.occurredAt, accountID, Account.State.pendingRealName.rawValue])
            guard db.changesCount == 1 else { throw AccountStoreError.noSuchAccount }
            try AuditEventRecord(event).insert(db)
        }
    }

    public func replacePassword(accountID: Int64, hash: String, signingIn session: NewSession?, event: AuditEvent) throws {
        try write { db in
            try Self.setPassword(hash, accountID: accountID, in: db)
            if let session { try Self.insert(session, accountID: accountID, in: db) }
            try AuditEventRecord(event).insert(db)
        }
    }

    /// The new hash, every session of the account ended (a stolen one too), the login count started again.
    static func setPassword(_ hash: String, accountID: Int64, in db: Database) throws {
        try db.execute(sql: "UPDATE accounts SET password_hash = ? WHERE id = ?", arguments: [hash, accountID])
        guard db.changesCount == 1 else { throw AccountStoreError.noSuchAccount }
        try db.execute(sql: "DELETE FROM sessions WHERE account_id = ?", arguments: [accountID])
        try db.execute(sql: "DELETE FROM attempts WHERE account_id = ? AND kind = ?",
                       arguments: [accountID, AttemptKind.login.rawValue])
    }

    /// Session fixation defence: signing in always issues a new id, bound to the account.
    private static func insert(_ session: NewSession, accountID: Int64, in db: Database) throws {
        var record = SessionRecord(session.record)
        record.accountId = accountID
        try record.insert(db)
    }
}

extension AuditEvent {
    /// The same event, naming the account it turned out to be about.
    func about(accountID: Int64) -> AuditEvent {
        AuditEvent(kind, at: occurredAt, accountID: accountID, subject: subject, remoteAddress: remoteAddress,
                   detail: detail)
    }

    func with(detail: String) -> AuditEvent {
        AuditEvent(kind, at: occurredAt, accountID: accountID, subject: subject, remoteAddress: remoteAddress,
                   detail: detail)
    }
}
