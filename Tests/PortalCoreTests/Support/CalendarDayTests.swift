import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct CalendarDayTests {
    @Test func isoDateParsesAndPrintsBack() throws {
        // Given a registry date
        let day = try #require(CalendarDay("2026-06-01"))
        // Then its parts and its text are as written
        #expect((day.year, day.month, day.day) == (2026, 6, 1))
        #expect(day.description == "2026-06-01")
    }

    @Test(arguments: ["2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-6-1", "26-06-01", "20260601",
                      "2026/06/01", "", "2026-06-01T00:00", "year-06-01", "+026-06-01", "2026-+6-01", " 2026-6-01"])
    func anythingButARealYYYYMMDDDateIsRefused(text: String) {
        // Given text that is not a real date as YYYY-MM-DD
        // Then it does not parse
        #expect(CalendarDay(text) == nil)
    }

    @Test func leapDayParsesInALeapYear() {
        #expect(CalendarDay("2028-02-29")?.description == "2028-02-29")
    }

    @Test func dayOfAnInstantIsTakenInChinaStandardTime() {
        // Given the instants just before and at midnight in Beijing (16:00 UTC)
        let midnight = Date(timeIntervalSince1970: 1_780_243_200)  // 2026-05-31T16:00:00Z
        // Then they fall on 2026-05-31 and 2026-06-01
        #expect(CalendarDay(containing: midnight.addingTimeInterval(-1)) == CalendarDay("2026-05-31"))
        #expect(CalendarDay(containing: midnight) == CalendarDay("2026-06-01"))
        #expect(CalendarDay(containing: Fixtures.now) == Fixtures.today)
    }

    @Test func daysUntilCountsWholeDaysEitherWay() throws {
        let start = try #require(CalendarDay("2026-12-30"))
        // Then whole days are counted over the year end, through February, and backwards
        #expect(start.days(until: CalendarDay("2027-01-02")!) == 3)
        #expect(CalendarDay("2028-02-28")!.days(until: CalendarDay("2028-03-01")!) == 2)
        #expect(start.days(until: CalendarDay("2026-12-01")!) == -29)
        #expect(start.days(until: start) == 0)
    }

    @Test func daysOrderByCalendar() {
        #expect(CalendarDay("2026-05-31")! < CalendarDay("2026-06-01")!)
        #expect(CalendarDay("2025-12-31")! < CalendarDay("2026-01-01")!)
        #expect(!(CalendarDay("2026-06-01")! < CalendarDay("2026-06-01")!))
    }
}
