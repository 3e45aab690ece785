import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct AttemptStoreContractTests {
    private let limit = AttemptLimit()

    @Test(arguments: StoreImplementation.allCases)
    func theFifthFailureLocksOnceAndALockInForceLeavesTheCountAlone(_ implementation: StoreImplementation) throws {
        // Given an account
        let store = try implementation.make()
        let account = try store.createAccount(state: .active)
        let failure = AuditEvent(.loginFailed, at: Fixtures.now, accountID: account.id)
        // When four failures are recorded, then a fifth
        for count in 1...4 {
            #expect(try store.attempts.recordFailure(.login, accountID: account.id, limit: limit, event: failure) == nil)
            #expect(try store.attempts.attempts(.login, accountID: account.id).failures == count)
        }
        let lock = try store.attempts.recordFailure(.login, accountID: account.id, limit: limit, event: failure)
        // Then the fifth sets a fifteen-minute lock, logged after the failures, and the count starts again
        let until = Fixtures.now.addingTimeInterval(limit.lockDuration)
        #expect(lock == until)
        #expect(try store.attempts.attempts(.login, accountID: account.id) == Attempts(failures: 0, lockedUntil: until))
        // When more failures arrive while it holds, they meet the lock and change nothing
        #expect(try store.attempts.recordFailure(.login, accountID: account.id, limit: limit, event: failure) == until)
        #expect(try store.audit.events(accountID: account.id).map(\.kind)
            == [.registered] + Array(repeating: .loginFailed, count: 5) + [.accountLocked, .loginFailed])
        // When a failure comes after the lock has run out, it is failure one
        let later = AuditEvent(.loginFailed, at: until, accountID: account.id)
        #expect(try store.attempts.recordFailure(.login, accountID: account.id, limit: limit, event: later) == nil)
        #expect(try store.attempts.attempts(.login, accountID: account.id).failures == 1)
    }

    @Test(arguments: StoreImplementation.allCases)
    func kindsAndAccountsAreCountedApart(_ implementation: StoreImplementation) throws {
        let store = try implementation.make()
        let anna = try store.createAccount()
        let john = try store.createAccount(Fixtures.john)
        _ = try store.attempts.recordFailure(.face, accountID: anna.id, limit: limit,
                                             event: AuditEvent(.faceFailed, at: Fixtures.now, accountID: anna.id))
        #expect(try store.attempts.attempts(.face, accountID: anna.id).failures == 1)
        #expect(try store.attempts.attempts(.login, accountID: anna.id) == Attempts())
        #expect(try store.attempts.attempts(.face, accountID: john.id) == Attempts())
    }

    @Test(arguments: StoreImplementation.allCases)
    func aResetClearsTheCountButNotALockInForce(_ implementation: StoreImplementation) throws {
        let store = try implementation.make()
        let account = try store.createAccount(state: .active)
        let failure = AuditEvent(.loginFailed, at: Fixtures.now, accountID: account.id)
        _ = try store.attempts.recordFailure(.login, accountID: account.id, limit: limit, event: failure)
        try store.attempts.resetFailures(.login, accountID: account.id, event: failure)
        #expect(try store.attempts.attempts(.login, accountID: account.id) == Attempts())
        for _ in 1...5 { _ = try store.attempts.recordFailure(.login, accountID: account.id, limit: limit, event: failure) }
        #expect(throws: AccountStoreError.locked(until: Fixtures.now.addingTimeInterval(limit.lockDuration))) {
            try store.attempts.resetFailures(.login, accountID: account.id, event: failure)
        }
    }

    @Test(arguments: StoreImplementation.allCases)
    func parallelFailuresAreEachCountedSoTheLockComesAfterExactlyFive(_ implementation: StoreImplementation) throws {
        // Given an account (on disk: several connections, as `portal serve` uses the file)
        let store = try implementation.make()
        let account = try store.createAccount(state: .active)
        // When eight wrong passwords arrive at once
        let failure = AuditEvent(.loginFailed, at: Fixtures.now, accountID: account.id)
        let attempts = store.attempts
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            _ = try? attempts.recordFailure(.login, accountID: account.id, limit: AttemptLimit(), event: failure)
        }
        // Then all eight are logged, the fifth locked the account once, and the three after it met the lock
        #expect(try store.audit.events(kind: .loginFailed).count == 8)
        #expect(try store.audit.events(kind: .accountLocked).count == 1)
        #expect(try store.attempts.attempts(.login, accountID: account.id)
            == Attempts(failures: 0, lockedUntil: Fixtures.now.addingTimeInterval(900)))
    }
}
