import PortalCore
import Testing
@testable import PortalWeb

@Suite struct CookieTests {
    @Test func sessionCookieIsHttpOnlyAndSameSite() {
        #expect(Cookie.session("abc", secure: false).headerValue == "portal_session=abc; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test func secureOverHTTPSAndClearedAtLogout() {
        #expect(Cookie.session("abc", secure: true).headerValue.hasSuffix("; Secure"))
        #expect(Cookie.clearSession(secure: false).headerValue
            == "portal_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }

    @Test func theLanguageIsRememberedForAYearTheVisitorCookieForTheBrowserSession() {
        #expect(Cookie.language(.chinese, secure: false).headerValue
            == "lang=zh; Path=/; HttpOnly; SameSite=Lax; Max-Age=31536000")
        #expect(Cookie.visitor("n", secure: true).headerValue == "portal_csrf=n; Path=/; HttpOnly; SameSite=Lax; Secure")
    }
}
