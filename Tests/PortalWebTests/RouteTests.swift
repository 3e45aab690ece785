import HTTPTypes
import PortalCore
import Testing
@testable import PortalWeb

@Suite struct RouteTests {
    @Test(arguments: Route.allExamples)
    func everyRouteRoundTripsThroughItsPrintedLink(route: Route) {
        let printed = route.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = printed.count > 1 ? String(printed[1]) : ""
        #expect(Route(path: String(printed[0]), query: query) == route, "\(route.path)")
    }

    @Test func aTrailingSlashNamesTheSamePageAndUnknownPathsAreNone() {
        #expect(Route(path: "/login/") == .login)
        #expect(Route(path: "/") == .home)
        #expect(Route(path: "/admin") == nil)
        #expect(Route(path: "/LOGIN") == nil)
        #expect(Route(path: "/language/fr") == nil)
    }

    @Test func aLanguageLinkReturnsOnlyToAPageOfThePortal() {
        #expect(Route.language(.chinese, returnTo: .login).path == "/language/zh?return=%2Flogin")
        for query in ["return=https%3A%2F%2Fevil.example%2F", "return=%2F%2Fevil.example", "return=%2Fnowhere",
                      "return=%2Flanguage%2Fen%3Freturn%3D%252Fcard", "return=%zz", ""] {
            #expect(Route(path: "/language/zh", query: query) == .language(.chinese, returnTo: .home), "\(query)")
        }
        #expect(Route(path: "/language/en", query: "x=1&return=%2Fregister%2Fface") == .language(.english, returnTo: .faceRecognition))
    }

    @Test func onlyPagesThatChangeSomethingAnswerPost() {
        #expect(Route.card.endpoint.methods == [.get, .head])
        #expect(Route.home.endpoint.methods == [.get, .head])
        #expect(Route.logout.endpoint.methods == [.post])
        #expect(Route.registration.endpoint.allowHeader == "GET, HEAD, POST")
    }

    @Test func theRoutesNginxLimitsAreTheOnesThatHashOrUpload() {
        let limited = Route.allExamples.filter(\.endpoint.rateLimitsPosts)
        // Every POST that hashes a password, asks an outside check, sends an SMS or tries a code
        #expect(limited == [.login, .permitLogin, .registration, .faceRecognition, .realNameBankCard, .realNamePhone,
                            .realNameCode, .realNameResend, .changePassword, .forgotPassword(.workPermit),
                            .forgotPassword(.socialSecurity), .resetCode, .resetResend, .resetFace, .newPassword,
                            .workPermitServices, .pin, .changePin])
        #expect(Route.allExamples.filter(\.endpoint.rateLimitsAll) == [.verifyQR(token: "abc.def")])
        #expect(Route.allExamples.filter(\.endpoint.usesCamera) == [.faceRecognition, .resetFace])
        #expect(Route.faceRecognition.endpoint.maximumBodyBytes == PhotoLimits.maximumBytes + (1 << 20))
        #expect(Route.largestBodyBytes == 5 << 20)
    }

    @Test func accessSendsEachVisitorWhereTheyBelong() {
        let pending = Account(permitNumber: "WP1", fullName: "A", passwordHash: "", state: .pendingFace, createdAt: .now)
        var active = pending
        active.state = .active
        #expect(Access.signedIn.redirect(for: nil) == .permitLogin)
        #expect(Access.signedIn.redirect(for: pending) == .faceRecognition)
        #expect(Access.signedIn.redirect(for: active) == nil)
        #expect(Access.registering.redirect(for: nil) == .permitLogin)
        #expect(Access.registering.redirect(for: pending) == nil)
        #expect(Access.registering.redirect(for: active) == .card)
        #expect(Access.signedOut.redirect(for: nil) == nil)
        #expect(Access.signedOut.redirect(for: pending) == .faceRecognition)
        #expect(Access.signedOut.redirect(for: active) == .card)
        #expect(Access.anyone.redirect(for: nil) == nil && Access.anyone.redirect(for: active) == nil)
    }
}
