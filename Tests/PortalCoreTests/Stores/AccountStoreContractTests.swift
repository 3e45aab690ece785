import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct AccountStoreContractTests {
    @Test(arguments: StoreImplementation.allCases)
    func createdAccountReadsBackWithItsNewIDSessionAndEvent(_ implementation: StoreImplementation) throws {
        // Given empty stores
        let store = try implementation.make()
        let session = StoresUnderTest.newSession()
        // When an account is created with its session and event
        let created = try store.createAccount(session: session)
        // Then it has an id and reads back the same by id and by permit number, signed in, the event bound to it
        #expect(created.id > 0)
        #expect(try store.accounts.account(id: created.id) == created)
        #expect(try store.accounts.account(permitNumber: Fixtures.anna) == created)
        #expect(try store.sessions.session(digest: session.record.tokenDigest)?.account == created)
        #expect(try store.audit.events(accountID: created.id).map(\.kind) == [.registered])
    }

    @Test(arguments: StoreImplementation.allCases)
    func aDuplicatePermitIsADomainErrorAndWritesNothing(_ implementation: StoreImplementation) throws {
        // Given an account for Anna's permit past facial recognition
        let store = try implementation.make()
        let first = try store.createAccount(state: .active)
        // When a second one is created for the same permit (two sign-ups racing)
        let second = StoresUnderTest.newSession()
        #expect(throws: AccountStoreError.duplicatePermit) { try store.createAccount(session: second) }
        // Then neither its session nor its event was written, and the first account is untouched
        #expect(try store.sessions.session(digest: second.record.tokenDigest) == nil)
        #expect(try store.audit.events(kind: .registered).count == 1)
        #expect(try store.accounts.account(permitNumber: Fixtures.anna) == first)
    }

    @Test(arguments: StoreImplementation.allCases)
    func registeringAgainReplacesAnUnfinishedAccountKeepingItsFaceAttempts(_ implementation: StoreImplementation) throws {
        // Given an account waiting for facial recognition, with two failed photos, and its session
        let store = try implementation.make()
        let firstSession = StoresUnderTest.newSession()
        let unfinished = try store.createAccount(session: firstSession)
        for _ in 1...2 {
            _ = try store.attempts.recordFailure(.face, accountID: unfinished.id, limit: AttemptLimit(),
                                                 event: AuditEvent(.faceFailed, at: Fixtures.now, accountID: unfinished.id))
        }
        // When the permit is registered again
        let replacement = try store.createAccount()
        // Then the new account replaces it, the old session is gone, and the face count carried over
        #expect(replacement.id != unfinished.id)
        #expect(try store.accounts.account(id: unfinished.id) == nil)
        #expect(try store.sessions.session(digest: firstSession.record.tokenDigest) == nil)
        #expect(try store.attempts.attempts(.face, accountID: replacement.id) == Attempts(failures: 2))
        #expect(try store.audit.events(accountID: replacement.id).first?.detail?.contains("replaced account") == true)
    }

    @Test(arguments: StoreImplementation.allCases)
    func aLoginStoresANewSessionClearsTheCountAndIsRefusedWhileLocked(_ implementation: StoreImplementation) throws {
        // Given an account with three failed logins
        let store = try implementation.make()
        let account = try store.createAccount(state: .active)
        let failure = AuditEvent(.loginFailed, at: Fixtures.now, accountID: account.id)
        for _ in 1...3 { _ = try store.attempts.recordFailure(.login, accountID: account.id, limit: AttemptLimit(), event: failure) }
        // When a login is recorded
        let login = StoresUnderTest.newSession()
        try store.accounts.recordLogin(accountID: account.id, session: login,
                                       event: AuditEvent(.loginSucceeded, at: Fixtures.now, accountID: account.id))
        // Then the session belongs to the account and the count starts again
        #expect(try store.sessions.session(digest: login.record.tokenDigest)?.accountID == account.id)
        #expect(try store.attempts.attempts(.login, accountID: account.id) == Attempts())
        // When five failures lock it, a login is refused until the lock has run out
        for _ in 1...5 { _ = try store.attempts.recordFailure(.login, accountID: account.id, limit: AttemptLimit(), event: failure) }
        let until = Fixtures.now.addingTimeInterval(AttemptLimit().lockDuration)
        #expect(throws: AccountStoreError.locked(until: until)) {
            try store.accounts.recordLogin(accountID: account.id, session: StoresUnderTest.newSession(),
                                           event: AuditEvent(.loginSucceeded, at: Fixtures.now, accountID: account.id))
        }
        try store.accounts.recordLogin(accountID: account.id, session: StoresUnderTest.newSession(),
                                       event: AuditEvent(.loginSucceeded, at: until, accountID: account.id))
    }

    @Test(arguments: StoreImplementation.allCases)
    func aLoginToAReplacedAccountFindsNoAccount(_ implementation: StoreImplementation) throws {
        let store = try implementation.make()
        #expect(throws: AccountStoreError.noSuchAccount) {
            try store.accounts.recordLogin(accountID: 999, session: StoresUnderTest.newSession(),
                                           event: AuditEvent(.loginSucceeded, at: Fixtures.now, accountID: 999))
        }
    }

    @Test(arguments: StoreImplementation.allCases)
    func facialRecognitionIsRecordedOnceWhateverArrivesTwice(_ implementation: StoreImplementation) throws {
        // Given an account waiting for facial recognition
        let store = try implementation.make()
        let account = try store.createAccount()
        // When the pass is recorded twice (a double submit)
        for _ in 1...2 {
            try store.accounts.recordFaceVerified(accountID: account.id, newState: .active, collectedAt: Fixtures.now,
                                                  event: AuditEvent(.faceVerified, at: Fixtures.now, accountID: account.id))
        }
        // Then the account is active with its date, and the event is there once
        let stored = try #require(try store.accounts.account(id: account.id))
        #expect(stored.state == .active && stored.collectedAt == Fixtures.now)
        #expect(try store.audit.events(kind: .faceVerified).count == 1)
    }
}
