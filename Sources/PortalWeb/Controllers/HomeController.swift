/// The home page: the way in to login.
struct HomeController: Sendable {
    let pages: PageResponder

    func show(_ context: RequestContext) -> WebResponse {
        pages.respondWithoutSession(Page(template: "home", titleKey: "home.title",
                                         values: ["login_href": Route.login.path]), in: context)
    }
}
