import Testing
import PortalTestSupport
@testable import PortalWeb

@Suite struct PortalApplicationTests {
    static let registration = ["full_name": "Anna Schmidt", "permit_number": "WP2026000001",
                               "password": Fixtures.password, "password_confirm": Fixtures.password]

    @Test func aPostWithoutOrWithAWrongCSRFTokenIsRefusedAndChangesNothing() throws {
        let portal = try TestPortal()
        _ = portal.get("/register")
        let missing = portal.post("/register", Self.registration)
        var wrong = Self.registration
        wrong["csrf_token"] = "forged"
        let forged = portal.post("/register", wrong)
        for response in [missing, forged] {
            #expect(response.status == 403)
            #expect(response.text.contains("Your form has expired"))
        }
        #expect(try portal.database.account(permitNumber: "WP2026000001") == nil)
        #expect(portal.register("WP2026000001", name: "Anna Schmidt").status == 303)
    }

    @Test func aPostWithoutASessionIsRefused() throws {
        let portal = try TestPortal()
        var fields = Self.registration
        fields["csrf_token"] = "anything"
        #expect(portal.post("/register", fields).status == 403)
    }

    @Test func unknownPagesWrongMethodsAndOversizedBodiesGetTheirStatus() throws {
        let portal = try TestPortal()
        #expect(portal.get("/nowhere").status == 404)
        let getLogout = portal.get("/logout")
        #expect(getLogout.status == 405)
        #expect(getLogout.header("Allow") == "POST")
        #expect(portal.send("POST", "/card").status == 405)
        #expect(portal.send("DELETE", "/login").status == 405)
        let large = portal.app.respond(to: WebRequest(method: .post, path: "/register", bodyTooLarge: true))
        #expect(large.status == 413)
    }

    @Test func unreadableFormsAreBadRequestsNotServerErrors() throws {
        let portal = try TestPortal()
        _ = portal.get("/register")
        for body in ["a=%zz", "a=%FF", "a=1&a=2", "a=x%00"] {
            let response = portal.send("POST", "/register", body: Array(body.utf8),
                                       contentType: "application/x-www-form-urlencoded")
            #expect(response.status == 400, "\(body)")
        }
        #expect(portal.send("POST", "/register", body: [], contentType: "application/json").status == 400)
    }

    @Test func appPagesAreNeverCached() throws {
        let portal = try TestPortal()
        #expect(portal.get("/").header("Cache-Control") == "no-store")
        #expect(portal.get("/login").header("Cache-Control") == "no-store")
    }

    @Test func logoutEndsTheSessionOnTheServer() throws {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        portal.sendFace(TestImages.png())
        let stolen = portal.cookie
        let response = portal.logOut()
        #expect(response.status == 303)
        #expect(response.header("Location") == "/")
        #expect(response.header("Set-Cookie")?.contains("Max-Age=0") == true)
        portal.cookie = stolen  // a copy of the old cookie no longer opens the card
        #expect(portal.get("/card").header("Location") == "/login/permit")
    }

    @Test func sessionsIdleOutAfterFifteenMinutes() throws {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        portal.sendFace(TestImages.png())
        portal.clock.advance(by: 14 * 60)
        #expect(portal.get("/card").status == 200)
        portal.clock.advance(by: 15 * 60)
        #expect(portal.get("/card").header("Location") == "/login/permit")
    }

    @Test func loggingOutOfASessionThatHasAlreadyEndedJustClearsTheCookie() throws {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        let token = TestPortal.csrfToken(in: portal.get("/")) ?? ""
        portal.clock.advance(by: 16 * 60)
        let response = portal.post("/logout", ["csrf_token": token])
        #expect(response.status == 303)
        #expect(response.header("Set-Cookie")?.contains("Max-Age=0") == true)
    }
}
