import PortalTestSupport
import Testing
@testable import PortalCore

@Suite struct PinPolicyTests {
    private let birth = CalendarDay("1991-04-12")!
    private func problem(_ pin: String) -> String? {
        PinPolicy.problem(with: pin, dateOfBirth: birth, permitNumber: "WP2026000731")?.key
    }

    @Test func sixDigitsNoneOfTheFirstGuessesPass() {
        #expect(problem("480913") == nil)
        #expect(problem("135790") == nil)
    }

    @Test(arguments: ["", "12345", "1234567", "12345a", "１２３４５６"])
    func onlyExactlySixASCIIDigits(_ pin: String) {
        #expect(problem(pin) == (pin.isEmpty ? "pin.missing" : "pin.format"))
    }

    @Test(arguments: ["000000", "777777"]) func oneRepeatedDigitIsRefused(_ pin: String) { #expect(problem(pin) == "pin.repeated") }

    @Test(arguments: ["123456", "654321", "345678", "987654"])
    func straightRunsAreRefused(_ pin: String) { #expect(problem(pin) == "pin.sequence") }

    @Test(arguments: ["910412", "120491", "041291", "199104", "041991"])
    func theDateOfBirthInItsCommonFormsIsRefused(_ pin: String) { #expect(problem(pin) == "pin.birth_date") }

    @Test func theLastSixDigitsOfThePermitNumberAreRefused() {
        #expect(problem("000731") == "pin.permit_number")
    }
}
