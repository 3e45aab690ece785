import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct SessionPolicyTests {
    let policy = SessionPolicy()
    let start = Fixtures.now

    private func session(createdAgo created: TimeInterval, seenAgo seen: TimeInterval) -> Session {
        Session(tokenDigest: "d", accountID: nil, createdAt: start.addingTimeInterval(-created),
                lastSeenAt: start.addingTimeInterval(-seen))
    }

    @Test func idleLimitIsFifteenMinutes() {
        // Given sessions last seen 14:59 and 15:00 ago
        // When their expiry is judged now
        // Then the first lives and the second has expired
        #expect(!policy.isExpired(session(createdAgo: 3600, seenAgo: 15 * 60 - 1), at: start))
        #expect(policy.isExpired(session(createdAgo: 3600, seenAgo: 15 * 60), at: start))
    }

    @Test func absoluteLimitIsTwelveHours() {
        // Given sessions used a moment ago but started 11:59:59 and 12:00 ago
        // When their expiry is judged now
        // Then the first lives and the second has expired
        #expect(!policy.isExpired(session(createdAgo: 12 * 3600 - 1, seenAgo: 1), at: start))
        #expect(policy.isExpired(session(createdAgo: 12 * 3600, seenAgo: 1), at: start))
    }

    @Test func touchIsNeededOnlyAfterSixtySeconds() {
        // Given sessions last seen 59 and 60 seconds ago
        // When they are used now
        // Then only the second is written back
        #expect(!policy.needsTouch(session(createdAgo: 600, seenAgo: 59), at: start))
        #expect(policy.needsTouch(session(createdAgo: 600, seenAgo: 60), at: start))
    }
}
