import Foundation
import Testing
@testable import PortalCore

@Suite struct ChinaTimeTests {
    @Test func clockTimeIsShownInChinaStandardTime() {
        // Given 02:15 UTC and 15:59 UTC
        let morning = Date(timeIntervalSince1970: 1_780_280_100)  // 2026-06-01T02:15:00Z
        let evening = Date(timeIntervalSince1970: 1_780_243_140)  // 2026-05-31T15:59:00Z
        // Then they read 10:15 and 23:59 in Beijing, with leading zeros kept
        #expect(ChinaTime.clockTime(morning) == "10:15")
        #expect(ChinaTime.clockTime(evening) == "23:59")
        #expect(ChinaTime.clockTime(Date(timeIntervalSince1970: 1_780_243_380)) == "00:03")  // 16:03Z
    }
}
