import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct PermitTests {
    private func permit(validUntil: String, status: Permit.Status = .valid) -> Permit {
        Permit(number: Fixtures.anna, fullName: "ANNA SCHMIDT", passportNumber: "C01X00T47", nationality: "Germany",
               dateOfBirth: CalendarDay("1991-04-12")!, sex: "F", employer: "Hainan Institute", position: "Scientist",
               workLocation: "Haikou", issueDate: CalendarDay("2026-01-05")!, validUntil: CalendarDay(validUntil)!,
               status: status)
    }

    @Test func permitValidForMoreThanThirtyDaysIsValid() {
        // Given today 2026-06-01
        // When a permit runs to 2028 or to 2026-07-02 (31 days away)
        // Then it is simply valid
        #expect(permit(validUntil: "2028-06-30").standing(on: Fixtures.today) == .valid)
        #expect(permit(validUntil: "2026-07-02").standing(on: Fixtures.today) == .valid)
    }

    @Test(arguments: [("2026-07-01", 30), ("2026-06-21", 20), ("2026-06-02", 1), ("2026-06-01", 0)])
    func permitWithinThirtyDaysIsExpiringSoon(validUntil: String, daysLeft: Int) {
        // Given today 2026-06-01
        // When a permit's last valid day is within 30 days, today included
        let standing = permit(validUntil: validUntil).standing(on: Fixtures.today)
        // Then it is expiring soon, with the days left, and still usable
        #expect(standing == .expiringSoon(daysLeft: daysLeft))
        #expect(standing.isUsable)
    }

    @Test func permitExpiresTheDayAfterItsLastValidDay() {
        // Given a permit valid until 2026-05-31
        let permit = permit(validUntil: "2026-05-31")
        // When it is judged on that day and on the day after
        // Then it is still usable on its last day and expired the next
        #expect(permit.standing(on: CalendarDay("2026-05-31")!) == .expiringSoon(daysLeft: 0))
        #expect(permit.standing(on: Fixtures.today) == .expired)
        #expect(!PermitStanding.expired.isUsable)
    }

    @Test func cancellationWinsOverEveryDate() {
        // Given canceled permits, one still in date and one expired
        // When they are judged today
        // Then both are canceled, and unusable
        #expect(permit(validUntil: "2099-09-30", status: .canceled).standing(on: Fixtures.today) == .canceled)
        #expect(permit(validUntil: "2026-06-10", status: .canceled).standing(on: Fixtures.today) == .canceled)
        #expect(permit(validUntil: "2020-01-01", status: .canceled).standing(on: Fixtures.today) == .canceled)
        #expect(!PermitStanding.canceled.isUsable)
    }

    @Test func standingCountsDaysAcrossMonthAndYearEnds() {
        // Given today 2026-12-15 and a permit valid until 2027-01-14
        // When it is judged
        // Then 30 days are left
        #expect(permit(validUntil: "2027-01-14").standing(on: CalendarDay("2026-12-15")!) == .expiringSoon(daysLeft: 30))
    }
}
