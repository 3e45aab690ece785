import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct AttemptLimitTests {
    @Test func fiveFailuresLockForFifteenMinutes() {
        let limit = AttemptLimit()
        #expect(limit.maximumFailures == 5)
        #expect(limit.lockDuration == 15 * 60)
    }

    @Test func aLockHoldsUntilItsEnd() {
        // Given a lock until 10:15
        let until = Fixtures.now.addingTimeInterval(15 * 60)
        let attempts = Attempts(failures: 0, lockedUntil: until)
        // Then it holds just before 10:15 and not from 10:15 on; no lock never holds
        #expect(attempts.lock(at: until.addingTimeInterval(-1)) == until)
        #expect(attempts.lock(at: until) == nil)
        #expect(Attempts(failures: 3).lock(at: Fixtures.now) == nil)
    }
}
