import Testing
@testable import PortalWeb

@Suite struct SessionCookieTests {
    @Test func sessionCookieIsHttpOnlyAndSameSite() {
        #expect(SessionCookie.set("abc", secure: false).headerValue == "portal_session=abc; Path=/; HttpOnly; SameSite=Lax")
    }

    @Test func secureOverHTTPSAndClearedAtLogout() {
        #expect(SessionCookie.set("abc", secure: true).headerValue.hasSuffix("; Secure"))
        #expect(SessionCookie.clear(secure: false).headerValue == "portal_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0")
    }
}
