import HTTPTypes
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

@Suite struct HostPrefixedCookieTests {
    @Test func overHTTPSOnlyTheHostPrefixedCookieCounts() {
        let headers: HTTPFields = [.cookie: "portal_session=planted; __Host-portal_session=real; lang=zh"]
        let https = WebRequest(method: .get, path: "/", headers: headers, isHTTPS: true)
        #expect(https.cookie(Cookie.sessionName) == "real")
        #expect(https.cookie(Cookie.languageName) == "zh")
        let http = WebRequest(method: .get, path: "/", headers: headers, isHTTPS: false)
        #expect(http.cookie(Cookie.sessionName) == "planted")
    }
}
