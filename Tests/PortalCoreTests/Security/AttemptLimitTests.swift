import Testing
@testable import PortalCore

@Suite struct AttemptLimitTests {
    let limit = AttemptLimit()

    @Test func fifthConsecutiveFailureLocksForFifteenMinutes() {
        // Given four and five consecutive failures
        // When the lock is decided
        // Then only the fifth sets one, 15 minutes from now
        #expect(limit.lock(afterFailures: 4, at: Fixtures.now) == nil)
        #expect(limit.lock(afterFailures: 5, at: Fixtures.now) == Fixtures.now.addingTimeInterval(15 * 60))
    }

    @Test func lockHoldsUntilItsEnd() {
        // Given a lock until 10:15
        let until = Fixtures.now.addingTimeInterval(15 * 60)
        // Then it holds just before 10:15 and not from 10:15 on; no lock never holds
        #expect(limit.isLocked(until: until, at: until.addingTimeInterval(-1)))
        #expect(!limit.isLocked(until: until, at: until))
        #expect(!limit.isLocked(until: nil, at: Fixtures.now))
    }
}
