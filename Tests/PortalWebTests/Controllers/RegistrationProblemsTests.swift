import Testing
import PortalTestSupport
@testable import PortalWeb

@Suite struct RegistrationProblemsTests {
    static func attempt(_ overrides: [String: String]) throws -> WebResponse {
        let portal = try TestPortal()
        var fields = ["full_name": "Anna Schmidt", "permit_number": "WP2026000001",
                      "password": Fixtures.password, "password_confirm": Fixtures.password]
        fields.merge(overrides) { $1 }
        return portal.submit("/register", fields)
    }

    @Test(arguments: [
        (["password": "Short1!", "password_confirm": "Short1!"], "Password must be 8 to 16 characters"),
        (["password": "alllowercaseonly", "password_confirm": "alllowercaseonly"],
         "Password must combine at least two of: uppercase letters, lowercase letters, numbers, special symbols"),
        (["password": "Password1", "password_confirm": "Password1"], "This password is too common. Choose a different password"),
        (["password": "xWP2026000001", "password_confirm": "xWP2026000001"], "Password must not contain your work permit number"),
        (["password": "Schmidt#2026", "password_confirm": "Schmidt#2026"], "Password must not contain your name"),
        (["password_confirm": "Other2026!x"], "The passwords do not match"),
        (["full_name": "Anna Smith"], "The name does not match the name on your work permit. Enter it exactly as in your passport"),
        (["permit_number": "WP9999999999"], "No work permit with this number was found. Use the number from your Notification Letter"),
        (["permit_number": "WP2026000004", "full_name": "Kenji Tanaka"], "This work permit has expired"),
        (["permit_number": "WP2026000005", "full_name": "Lucas Martin"], "This work permit has been canceled"),
        (["full_name": ""], "Enter your full name as shown in your passport"),
        (["permit_number": ""], "Enter your work permit number"),
    ])
    func eachRuleSaysWhatFailedAndKeepsTheTypedValues(overrides: [String: String], message: String) throws {
        let response = try Self.attempt(overrides)
        #expect(response.status == 200)
        #expect(response.text.contains(message))
        #expect(response.text.contains("There is a problem"))
        let typedName = overrides["full_name"] ?? "Anna Schmidt"
        if !typedName.isEmpty { #expect(response.text.contains("value=\"\(typedName)\"")) }
        #expect(!response.text.contains("value=\"\(overrides["password"] ?? Fixtures.password)\""))
    }

    @Test func oneAccountPerPermit() throws {
        let portal = try TestPortal()
        portal.register("WP2026000001", name: "Anna Schmidt")
        portal.sendFace(TestImages.png())
        portal.logOut()
        let second = portal.register("WP2026000001", name: "Anna Schmidt")
        #expect(second.text.contains("An account already exists for this work permit number. Log in instead"))
    }

    @Test func withoutTheNameNothingIsToldAboutAPermitButThatItExists() throws {
        let expired = try Self.attempt(["permit_number": "WP2026000004", "full_name": ""])
        #expect(expired.text.contains("Enter your full name as shown in your passport"))
        #expect(!expired.text.contains("This work permit has expired"))
        let wrongName = try Self.attempt(["permit_number": "WP2026000005", "full_name": "Somebody Else"])
        #expect(wrongName.text.contains("The name does not match"))
        #expect(!wrongName.text.contains("This work permit has been canceled"))
    }
}
