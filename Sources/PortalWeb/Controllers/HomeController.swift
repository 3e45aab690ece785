import PortalCore

/// The home page: the way in to login.
struct HomeController: Sendable {
    struct Page: PageContent {
        let loginHref = Route.login.path
        var template: Template { .home }
        var title: UserMessage { UserMessage("home.title") }

        func values(in messages: MessageCatalogue) -> [String: Any] { ["loginHref": loginHref] }
    }

    let pages: PageResponder

    func show(_ context: RequestContext) throws -> WebResponse {
        try pages.respond(Page(), in: context)
    }
}
