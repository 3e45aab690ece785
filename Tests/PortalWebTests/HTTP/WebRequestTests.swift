import Testing
@testable import PortalWeb

@Suite struct WebRequestTests {
    @Test func cookiesByNameTheFirstOfARepeatedNameWins() {
        let request = WebRequest(method: .get, path: "/", headers: [.cookie: "a=1; portal_session=tok; a=2; broken"])
        #expect(request.cookies == ["a": "1", "portal_session": "tok"])
    }

    @Test func noCookieHeaderMeansNoCookies() {
        #expect(WebRequest(method: .get, path: "/card").cookies.isEmpty)
    }
}
