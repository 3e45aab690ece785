import Testing
import PortalTestSupport
@testable import PortalWeb

@Suite struct FaceControllerTests {
    @Test func aRealPhotoCollectsTheCard() throws {
        // Given a person who has just signed up
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        // When they send a real PNG
        let response = portal.sendFace(TestImages.png())
        // Then the card is collected and shown with the number masked
        #expect(response.status == 303)
        #expect(response.header("Location") == "/card")
        let card = portal.get("/card").text
        #expect(card.contains("ANNA SCHMIDT"))
        #expect(card.contains("********0001"))
        #expect(card.contains("ending in 0001"))
        #expect(!card.contains("WP2026000001"))
        #expect(card.contains("Date collected"))
    }

    @Test func aTextFileNamedPngIsRefusedAndChangesNothing() throws {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        let response = portal.sendFace(Array("not an image".utf8), filename: "face.png")
        #expect(response.status == 200)
        #expect(response.text.contains("The photo must be a JPEG or PNG image"))
        #expect(try portal.database.account(permitNumber: "WP2026000001")?.state == .pendingFace)
    }

    @Test func fiveFailuresLockTheStep() throws {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        for _ in 1...4 { portal.sendFace(Array("junk".utf8)) }
        #expect(portal.sendFace(Array("junk".utf8)).text.contains("Too many failed attempts"))
        // Even a good photo waits for the lock to run out
        #expect(portal.sendFace(TestImages.png()).text.contains("Too many failed attempts"))
        // After fifteen minutes the session has idled out too: logging in again leads back to the step
        portal.clock.advance(by: 15 * 60)
        let login = portal.submit("/login/permit", ["permit_number": "WP2026000001", "password": Fixtures.password])
        #expect(login.header("Location") == "/register/face")
        #expect(portal.sendFace(TestImages.png()).status == 303)
    }

    @Test func aCardHolderGoesOnToRealNameVerificationNotToTheCard() throws {
        let portal = try TestPortal()
        portal.register("WP2026000002", name: "John Smith")
        #expect(portal.sendFace(TestImages.png()).status == 303)
        #expect(portal.get("/card").header("Location") == "/real-name")
        let choice = portal.get("/real-name").text
        #expect(choice.contains("Real-name verification is required because you hold a physical Social Security Card."))
        #expect(choice.contains("href=\"/real-name/bank-card\"") && choice.contains("href=\"/real-name/phone\""))
    }

    @Test func theFacePageNeedsASignedInPendingAccount() throws {
        let portal = try TestPortal()
        #expect(portal.get("/register/face").header("Location") == "/login/permit")
        portal.register("WP2026000001", name: "Anna Schmidt")
        portal.sendFace(TestImages.png())
        #expect(portal.get("/register/face").header("Location") == "/card")
    }

    @Test func aPermitCanceledSinceRegistrationCollectsNothing() throws {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        try portal.database.cancelPermit(number: "WP2026000001", reason: "employment ended")
        let response = portal.sendFace(TestImages.png())
        #expect(response.text.contains("This work permit has been canceled"))
        #expect(try portal.database.account(permitNumber: "WP2026000001")?.state == .pendingFace)
    }
}
