import Testing
@testable import PortalCore

@Suite struct NameMatcherTests {
    @Test(arguments: ["ANNA SCHMIDT", "anna schmidt", "Anna Schmidt", "  ANNA SCHMIDT  ", "ANNA    SCHMIDT",
                      "\tanna  \n schmidt "])
    func sameNameIgnoringCaseAndSpacingMatches(typed: String) {
        // Given the registry name ANNA SCHMIDT
        // When the person types it in another case or with extra spaces
        // Then it matches
        #expect(NameMatcher.matches(typed: typed, registered: "ANNA SCHMIDT"))
    }

    @Test(arguments: ["ANNA SCHMIDTT", "ANNA", "SCHMIDT ANNA", "ANNASCHMIDT", "ANNA-SCHMIDT", "ANA SCHMIDT", ""])
    func differentNameFails(typed: String) {
        // Given the registry name ANNA SCHMIDT
        // When the person types another name (other letters, order or word breaks)
        // Then it does not match
        #expect(!NameMatcher.matches(typed: typed, registered: "ANNA SCHMIDT"))
    }

    @Test func registeredNameIsNormalisedToo() {
        // Given a registry name with irregular spacing
        // When the person types it plainly
        // Then it matches
        #expect(NameMatcher.matches(typed: "maria garcia", registered: " MARIA  GARCIA "))
    }
}
