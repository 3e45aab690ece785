import PortalCore
import Testing
@testable import PortalWeb

@Suite struct CookieTests {
    @Test func sessionCookieIsHttpOnlyAndSameSite() {
        #expect(Cookie.session("abc", secure: false).headerValue == "portal_session=abc; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test func secureOverHTTPSAndClearedAtLogout() {
        #expect(Cookie.session("abc", secure: true).headerValue == "__Host-portal_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure")
        #expect(Cookie.visitor("n", secure: true).headerValue.hasPrefix("__Host-portal_csrf=n;"))
        #expect(Cookie.language(.english, secure: true).headerValue.hasPrefix("lang=en;"))
        #expect(Cookie.clearSession(secure: false).headerValue
            == "portal_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }

    @Test func theLanguageIsRememberedForAYearTheVisitorCookieForTheBrowserSession() {
        #expect(Cookie.language(.chinese, secure: false).headerValue
            == "lang=zh; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000")
        #expect(Cookie.visitor("n", secure: false).headerValue == "portal_csrf=n; Path=/; HttpOnly; SameSite=Lax")
    }
}
