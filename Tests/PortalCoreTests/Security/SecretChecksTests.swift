import Dispatch
import Foundation
import Synchronization
import Testing
@testable import PortalCore

@Suite struct SecretChecksTests {
    @Test func aSecondCheckForTheSameAccountWaitsAndSeesWhatTheFirstLeft() throws {
        // Given a check for account 7 under way, which will leave one failure behind
        let checks = SecretChecks()
        let failures = Mutex(0)
        let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? checks.one(for: "pin 7") {
                entered.signal()
                release.wait()
                failures.withLock { $0 += 1 }
            }
            done.signal()
        }
        entered.wait()
        // When a second check for the same account starts
        let seenBySecond = Mutex<Int?>(nil)
        DispatchQueue.global().async {
            try? checks.one(for: "pin 7") { seenBySecond.withLock { $0 = failures.withLock { $0 } } }
            done.signal()
        }
        while !checks.hasWaiting("pin 7") { sched_yield() }
        // Then it has not run yet; a third is refused as busy at once; another account's check runs meanwhile
        #expect(seenBySecond.withLock { $0 } == nil)
        #expect(throws: SecurityError.busy) { try checks.one(for: "pin 7") {} }
        #expect(try checks.one(for: "pin 8") { "other account" } == "other account")
        // and once the first ends, the second runs and reads the failure the first wrote
        release.signal()
        done.wait()
        done.wait()
        #expect(seenBySecond.withLock { $0 } == 1)
    }

    @Test func aWaitingCheckIsRefusedAsBusyWhenItsTurnDoesNotComeInTime() throws {
        // Given a check that holds its turn, and checks that wait at most 20 ms
        let checks = SecretChecks(maximumWait: 0.02)
        var innerRan = false
        try checks.one(for: "password 1") {
            // When another check for the same account waits longer than that
            // Then it is refused as busy without running
            #expect(throws: SecurityError.busy) { try checks.one(for: "password 1") { innerRan = true } }
        }
        #expect(!innerRan)
        // and the account's turn is free again afterwards
        #expect(try checks.one(for: "password 1") { 5 } == 5)
    }

    @Test func onlyAWaitForTheTurnStepsAside() throws {
        // Given checks whose step aside counts the waits it wraps
        let asides = Mutex(0)
        let checks = SecretChecks(maximumWait: 0.02, stepAside: StepAside { wait in
            asides.withLock { $0 += 1 }
            wait()
        })
        // When a check gets its turn at once, and another for the same account has to wait for it (in vain)
        try checks.one(for: "password 1") {
            #expect(throws: SecurityError.busy) { try checks.one(for: "password 1") {} }
        }
        // Then only the one that waited stepped aside
        #expect(asides.withLock { $0 } == 1)
    }

    @Test func aCheckThatThrowsGivesItsTurnBack() {
        struct Wrong: Error {}
        let checks = SecretChecks()
        #expect(throws: Wrong.self) { try checks.one(for: "pin 1") { throw Wrong() } }
        #expect(throws: Never.self) { try checks.one(for: "pin 1") {} }
    }
}
