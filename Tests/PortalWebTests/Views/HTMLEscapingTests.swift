import Foundation
import PortalCore
import Testing
@testable import PortalWeb

@Suite struct HTMLEscapingTests {
    @Test func escapesTheFiveMarkupCharactersAndTheClosingBrace() {
        #expect(HTMLEscaping.escaped(#"<a href="x">Tom & Jerry's}</a>"#)
            == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&#125;&lt;/a&gt;")
    }

    @Test func leavesOtherTextAsItIsWhateverItsScript() {
        // Multi-byte characters around and between the replacements stay intact
        #expect(HTMLEscaping.escaped("ANNA SCHMIDT") == "ANNA SCHMIDT")
        #expect(HTMLEscaping.escaped("张伟 <é>\u{301} 🇨🇳&") == "张伟 &lt;é&gt;\u{301} 🇨🇳&amp;")
        #expect(HTMLEscaping.escaped("") == "")
    }

    @Test func everyTemplateValueIsEscapedThisWayTooNotOnlyTheBakedSentences() throws {
        // Given a page value with the one character swift-mustache's own HTML type leaves as it is
        let html = try PageRenderer(templatesDirectory: TestPortal.templates)
            .render(CardController.Page(Account(id: 1, permitNumber: "WP2026000001", fullName: "ANNA {{SCHMIDT}}",
                                                passwordHash: "", state: .active, createdAt: .now)),
                    chrome: PageChrome(language: .english, route: .card, csrfToken: "tok", signedIn: true))
        // Then the page shows it escaped by HTMLEscaping, the content type every template starts with
        #expect(html.contains("<dd>ANNA {{SCHMIDT&#125;&#125;</dd>"))
    }
}
