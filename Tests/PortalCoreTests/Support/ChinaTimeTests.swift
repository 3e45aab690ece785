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

    @Test func aLockEndingWithinAMinuteReadsTheNextWholeMinute() {
        // Given a lock until 14:34:14 (06:34:14Z), one until 14:34:00 sharp, and one until 23:59:30
        let lock = Date(timeIntervalSince1970: 1_780_295_654)  // 2026-06-01T06:34:14Z
        // Then the page says 14:35 (never a time before the lock ends), 14:34 for the whole minute, 00:00 after midnight
        #expect(ChinaTime.clockTime(lock) == "14:35")
        #expect(ChinaTime.clockTime(Date(timeIntervalSince1970: 1_780_295_640)) == "14:34")
        #expect(ChinaTime.clockTime(Date(timeIntervalSince1970: 1_780_243_170)) == "00:00")  // 15:59:30Z
    }
}
