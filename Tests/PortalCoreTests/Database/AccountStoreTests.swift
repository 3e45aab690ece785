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
        let created = try database.create(newAccount(), session: session(clock), event: AuditEvent(.registered, at: Fixtures.now, subject: Fixtures.anna))
        // Then it has an id and reads back the same by id and by permit number, with the event bound to it
        #expect(created.id > 0)
        #expect(try database.account(id: created.id) == created)
        #expect(try database.account(permitNumber: Fixtures.anna) == created)
        #expect(try database.events(accountID: created.id).map(\.kind) == [.registered])
    }

    @Test func duplicatePermitIsADomainErrorAndWritesNothing() throws {
        // Given an account for Anna's permit past facial recognition
        let database = try AppDatabase.inMemory()
        let clock = ManualClock()
        var active = newAccount()
        active.state = .active
        _ = try database.create(active, session: session(clock), event: AuditEvent(.registered, at: Fixtures.now))
        // When a second one is created for the same permit (two sign-ups racing)
        let second = session(clock)
        #expect(throws: AccountStoreError.duplicatePermit) {
            try database.create(newAccount(), session: second, event: AuditEvent(.registered, at: Fixtures.now))
        }
        // Then neither its session nor its event was written
        #expect(try database.session(digest: second.record.tokenDigest) == nil)
        #expect(try database.events(kind: .registered).count == 1)
        #expect(try database.rowCount("accounts") == 1)
    }

    @Test func theFifthFailureLocksAndALoginIsRefusedWhileTheLockHolds() throws {
        // Given an account
        let database = try AppDatabase.inMemory()
        let clock = ManualClock()
        let account = try database.create(newAccount(), session: session(clock), event: AuditEvent(.registered, at: Fixtures.now))
        let limit = AttemptLimit()
        let failure = AuditEvent(.loginFailed, at: Fixtures.now, accountID: account.id)
        // When four failures are recorded, then a fifth
        for _ in 1...4 { #expect(try database.recordFailure(.login, accountID: account.id, limit: limit, event: failure) == nil) }
        let lock = try database.recordFailure(.login, accountID: account.id, limit: limit, event: failure)
        // Then the fifth sets a fifteen-minute lock, logged after the failures
        #expect(lock == Fixtures.now.addingTimeInterval(900))
        #expect(try database.account(id: account.id)?.lockedUntil == lock)
        #expect(try database.events(accountID: account.id).map(\.kind)
            == [.registered] + Array(repeating: .loginFailed, count: 5) + [.accountLocked])
        // When a login is recorded while the lock holds, it is refused
        #expect(throws: AccountStoreError.locked(until: lock!)) {
            try database.recordLogin(accountID: account.id, session: session(clock), event: AuditEvent(.loginSucceeded, at: Fixtures.now, accountID: account.id))
        }
        // When a login is recorded after it, the lock is cleared and the new session belongs to the account
        let login = session(clock)
        try database.recordLogin(accountID: account.id, session: login, event: AuditEvent(.loginSucceeded, at: lock!, accountID: account.id))
        #expect(try database.account(id: account.id)?.lockedUntil == nil)
        #expect(try database.session(digest: login.record.tokenDigest)?.accountID == account.id)
    }

    @Test func parallelFailuresAreEachCountedSoTheLockComesAfterExactlyFive() throws {
        // Given an account in a database file shared by several connections, as `portal serve` uses it
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try AppDatabase.onDisk(path: folder.appendingPathComponent("portal.sqlite").path)
        let account = try database.create(newAccount(), session: session(ManualClock()), event: AuditEvent(.registered, at: Fixtures.now))
        // When eight wrong passwords arrive at once
        let failure = AuditEvent(.loginFailed, at: Fixtures.now, accountID: account.id)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            _ = try? database.recordFailure(.login, accountID: account.id, limit: AttemptLimit(), event: failure)
        }
        // Then all eight are logged, the fifth locked the account once, and the three after it met the lock
        #expect(try database.events(kind: .loginFailed).count == 8)
        #expect(try database.events(kind: .accountLocked).count == 1)
        #expect(try database.account(id: account.id)?.lockedUntil == Fixtures.now.addingTimeInterval(900))
        #expect(try database.account(id: account.id)?.failedLogins == 0)
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
