import Testing
import PortalTestSupport
@testable import PortalWeb

@Suite struct LoginControllerTests {
    /// A portal with Anna registered and verified, signed out again.
    static func portalWithActiveAccount() throws -> TestPortal {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        portal.sendFace(TestImages.png())
        portal.logOut()
        return portal
    }

    @Test func loginRotatesTheSessionAndLandsOnTheCard() throws {
        let portal = try Self.portalWithActiveAccount()
        let page = portal.get("/login/permit")
        let before = portal.cookie
        let response = portal.post("/login/permit", ["permit_number": "wp2026000001", "password": Fixtures.password,
                                                     "csrf_token": TestPortal.csrfToken(in: page) ?? ""])
        #expect(response.status == 303)
        #expect(response.header("Location") == "/card")
        #expect(portal.cookie != nil && portal.cookie != before)
        #expect(portal.get("/card").text.contains("ANNA SCHMIDT"))
    }

    @Test func aWrongPasswordAndAnUnknownNumberGetTheSameMessage() throws {
        let portal = try Self.portalWithActiveAccount()
        let wrong = portal.submit("/login/permit", ["permit_number": "WP2026000001", "password": "Wrong2026!x"])
        let unknown = portal.submit("/login/permit", ["permit_number": "WP9999999999", "password": Fixtures.password])
        for response in [wrong, unknown] {
            #expect(response.text.contains("The work permit number or password is incorrect"))
            #expect(response.text.contains("<title>Error: "))
        }
        #expect(unknown.text.contains("value=\"WP9999999999\""))
    }

    @Test func fiveFailuresLockTheAccountEvenForTheRightPassword() throws {
        let portal = try Self.portalWithActiveAccount()
        for _ in 1...4 { portal.submit("/login/permit", ["permit_number": "WP2026000001", "password": "Wrong2026!x"]) }
        let fifth = portal.submit("/login/permit", ["permit_number": "WP2026000001", "password": "Wrong2026!x"])
        #expect(fifth.text.contains("Too many failed attempts. Try again after"))
        let right = portal.submit("/login/permit", ["permit_number": "WP2026000001", "password": Fixtures.password])
        #expect(right.status == 200)
        #expect(right.text.contains("Too many failed attempts"))
    }

    @Test func emptyFieldsAreNamed() throws {
        let portal = try TestPortal()
        let response = portal.submit("/login/permit", ["permit_number": " ", "password": ""])
        #expect(response.text.contains("Enter your work permit number"))
        #expect(response.text.contains("Enter your password"))
    }

    @Test func aCardHolderWithoutRealNameVerificationLandsOnItByEitherLogin() throws {
        let portal = try TestPortal()
        portal.register("WP2026000002", name: "John Smith")
        portal.sendFace(TestImages.png())
        portal.logOut()
        let bySS = portal.submit("/login", ["ss_number": "440100000000000002", "password": Fixtures.password])
        #expect(bySS.header("Location") == "/real-name")
        portal.logOut()
        let byPermit = portal.submit("/login/permit", ["permit_number": "WP2026000002", "password": Fixtures.password])
        #expect(byPermit.header("Location") == "/real-name")
        portal.logOut()
        let wrong = portal.submit("/login", ["ss_number": "440100000000000002", "password": "Wrong2026!x"])
        #expect(wrong.text.contains("The social security number or password is incorrect"))
    }
}
