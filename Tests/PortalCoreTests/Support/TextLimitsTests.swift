import Testing
@testable import PortalCore

@Suite struct TextLimitsTests {
    @Test func collapsingSpacesTrimsAndFoldsEveryKindOfWhiteSpace() {
        // Given text with surrounding and repeated spaces, tabs and line breaks
        // Then it becomes words separated by single spaces
        #expect(TextLimits.collapsingSpaces("  ANNA \t\n  SCHMIDT  ") == "ANNA SCHMIDT")
        #expect(TextLimits.collapsingSpaces(" \t\n ") == "")
    }

    @Test func identifierDropsWhiteSpaceAndUpperCases() {
        // Given a number typed in groups and in lower case
        // Then spaces go and letters are upper case
        #expect(TextLimits.identifier(" wp 2026\t000001 ") == "WP2026000001")
    }
}
