import Testing
import PortalTestSupport
@testable import PortalWeb

@Suite struct RegistrationControllerTests {
    @Test func registrationSignsInAndLeadsToFacialRecognition() throws {
        // Given a visitor on the registration page
        let portal = try TestPortal()
        // When they sign up with the registry's name in other case and spacing
        let response = portal.submit("/register", ["full_name": " anna   Schmidt ", "permit_number": "wp2026000001",
                                                   "password": Fixtures.password, "password_confirm": Fixtures.password])
        // Then the account exists, waiting for facial recognition, and they are taken there
        #expect(response.status == 303, "\(portal.logged.all)")
        #expect(response.header("Location") == "/register/face")
        let account = try #require(try portal.database.account(permitNumber: "WP2026000001"))
        #expect(account.state == .pendingFace)
        #expect(account.fullName == "ANNA SCHMIDT")
        #expect(portal.get("/register/face").status == 200)
    }
}
