import Testing
@testable import PortalCore

@Suite struct PermitNumberTests {
    @Test func typedNumberIsNormalisedAsTheRegistryStoresIt() {
        // Given numbers typed in lower case, with spaces
        // When they are normalised
        // Then spaces go and letters are upper case
        #expect(PermitNumber.normalized(" wp2026 000001 ") == "WP2026000001")
    }

    @Test(arguments: ["", "WP1", "WP-2026-000001", "WP2026000001WP2026000001", "WP２０２６０００００１"])
    func somethingThatCannotBeAPermitNumberIsRefused(typed: String) {
        // Given text too short, too long, with punctuation or non-ASCII digits
        // When it is normalised
        // Then it is refused
        #expect(PermitNumber.normalized(typed) == nil)
    }

    @Test func maskedNumberShowsOnlyTheLastFour() {
        // Given a permit number
        // When it is masked for the card page
        // Then every character but the last four is a star
        #expect(PermitNumber.masked("WP2026000001") == "********0001")
        #expect(PermitNumber.masked("0001") == "0001")
        #expect(PermitNumber.masked("01") == "01")
    }
}
