import Testing
@testable import PortalWeb

@Suite struct RouteTests {
    @Test func everyRouteRoundTripsThroughItsPath() {
        for route in Route.allCases { #expect(Route(path: route.path) == route) }
    }

    @Test func aTrailingSlashNamesTheSamePageAndUnknownPathsAreNone() {
        #expect(Route(path: "/login/") == .login)
        #expect(Route(path: "/") == .home)
        #expect(Route(path: "/admin") == nil)
        #expect(Route(path: "/LOGIN") == nil)
    }

    @Test func onlyPagesThatChangeSomethingAcceptPost() {
        #expect(!Route.card.acceptsPost)
        #expect(!Route.home.acceptsPost)
        #expect(Route.logout.acceptsPost && !Route.logout.acceptsGet)
    }
}
