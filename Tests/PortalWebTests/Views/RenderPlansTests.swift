import Foundation
import PortalCore
import Testing
@testable import PortalWeb

@Suite struct RenderPlansTests {
    /// Pages of only strings and Booleans are filled into a plan swift-mustache rendered once per shape
    /// (RenderPlans): the bytes must be swift-mustache's own, for the page that made the plan and for the next.
    @Test func plannedPagesAreSwiftMustachesOwnPageByteForByte() throws {
        let pageRenderer = try PageRenderer(templatesDirectory: TestPortal.templates)
        let collected = Account(id: 1, permitNumber: "WP2026000001", fullName: "ANNA <SCHMIDT> & 'Co' \"}\"",
                                passwordHash: "", state: .active, createdAt: .now, collectedAt: .now)
        let other = Account(id: 2, permitNumber: "WP2026000002", fullName: "张伟", passwordHash: "", state: .active,
                            createdAt: .now)
        for language in Language.allCases {
            let pages: [(any PageContent, PageChrome)] = [
                (CardController.Page(collected), PageChrome(language: language, route: .card, csrfToken: "a&b",
                                                            signedIn: true, unreadReminders: 2)),
                (CardController.Page(other), PageChrome(language: language, route: .card, csrfToken: "tok2",
                                                        signedIn: true)),
                (HomeController.Page(), PageChrome(language: language, route: .home)),
                (ServicesMenuController.MenuPage(step: .hrServices, nextHref: Route.talentAffairs.path),
                 PageChrome(language: language, route: .hrServices, csrfToken: "t", signedIn: true)),
                (ErrorPages.Page(.notFound), PageChrome(language: language, route: .home)),
            ]
            for (page, chrome) in pages {
                let direct = try pageRenderer.render(page, chrome: chrome, planned: false)
                // The first planned render makes the plan, the second fills the cached one in.
                #expect(try pageRenderer.render(page, chrome: chrome, planned: true) == direct)
                #expect(try pageRenderer.render(page, chrome: chrome, planned: true) == direct)
            }
        }
    }
}
