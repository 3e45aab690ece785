import Foundation
import Testing
@testable import PortalCore

@Suite struct AccountStoreTests {
    private func newAccount(_ permit: String = Fixtures.anna) -> Account {
        Account(permitNumber: permit, fullName: "ANNA SCHMIDT", passwordHash: "$argon2id$stub", state: .pendingFace,
                createdAt: Fixtures.now)
    }

    private func session(_ clock: ManualClock) -> NewSession {
        SessionService(store: InertSessions(), clock: clock).makeSession(accountID: nil)
    }

    @Test func createdAccountReadsBackWithItsNewID() throws {
        // Given an empty store
        let database = try AppDatabase.inMemory()
        let clock = ManualClock()
        // When an account is created with its session and event
        let created = try database.create(newAccount(), session: session(clock), replacingSession: nil,
                                          event: AuditEvent(.registered, at: Fixtures.now, subject: Fixtures.anna))
        // Then it has an id and reads back the same by id and by permit number, with the event bound to it
        #expect(created.id > 0)
        #expect(try database.account(id: created.id) == created)
        #expect(try database.account(permitNumber: Fixtures.anna) == created)
        #expect(try database.events(accountID: created.id).map(\.kind) == [.registered])
    }

    @Test func duplicatePermitIsADomainErrorAndWritesNothing() throws {
        // Given an account for Anna's permit
        let database = try AppDatabase.inMemory()
        let clock = ManualClock()
        _ = try database.create(newAccount(), session: session(clock), replacingSession: nil,
                                event: AuditEvent(.registered, at: Fixtures.now))
        // When a second one is created for the same permit (two sign-ups racing)
        let second = session(clock)
        #expect(throws: AccountStoreError.duplicatePermit) {
            try database.create(newAccount(), session: second, replacingSession: nil,
                                event: AuditEvent(.registered, at: Fixtures.now))
        }
        // Then neither its session nor its event was written
        #expect(try database.session(digest: second.record.tokenDigest) == nil)
        #expect(try database.events(kind: .registered).count == 1)
        #expect(try database.rowCount("accounts") == 1)
    }

    @Test func failedLoginsAndTheirLockAreRecordedThenClearedByALogin() throws {
        // Given an account
        let database = try AppDatabase.inMemory()
        let clock = ManualClock()
        let account = try database.create(newAccount(), session: session(clock), replacingSession: nil,
                                          event: AuditEvent(.registered, at: Fixtures.now))
        let until = Fixtures.now.addingTimeInterval(900)
        // When a failure with a lock is recorded
        try database.updateLoginFailures(accountID: account.id, failures: 0, lockedUntil: until,
                                       events: [AuditEvent(.loginFailed, at: Fixtures.now, accountID: account.id),
                                                AuditEvent(.accountLocked, at: Fixtures.now, accountID: account.id)])
        // Then the account carries the lock and the events are logged in order
        #expect(try database.account(id: account.id)?.lockedUntil == until)
        #expect(try database.events(accountID: account.id).map(\.kind) == [.registered, .loginFailed, .accountLocked])
        // When a login is recorded
        let login = session(clock)
        try database.recordLogin(accountID: account.id, session: login, replacingSession: nil,
                                 event: AuditEvent(.loginSucceeded, at: Fixtures.now, accountID: account.id))
        // Then the lock is cleared and the new session belongs to the account
        #expect(try database.account(id: account.id)?.lockedUntil == nil)
        #expect(try database.session(digest: login.record.tokenDigest)?.accountID == account.id)
    }
}

/// A session store that keeps nothing: only `makeSession` is used here.
private struct InertSessions: SessionStore {
    func session(digest: String) throws -> Session? { nil }
    func insert(_ session: Session) throws {}
    func touch(digest: String, at: Date) throws {}
    func delete(digest: String) throws {}
    func deleteExpired(idleBefore: Date, createdBefore: Date) throws {}
    func end(digest: String, event: AuditEvent) throws {}
}
