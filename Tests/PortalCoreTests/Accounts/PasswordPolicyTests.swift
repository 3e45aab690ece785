import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct PasswordPolicyTests {
    let policy = Fixtures.policy

    private func problem(_ password: String, permit: String = Fixtures.anna, name: String = "ANNA SCHMIDT") -> String? {
        policy.problem(with: password, permitNumber: permit, fullName: name)?.key
    }

    @Test(arguments: [("Tq9wZr4", "password.length"), ("Tq9wZr4k", nil), ("Tq9wZr4kTq9wZr4k", nil),
                      ("Tq9wZr4kTq9wZr4kx", "password.length")] as [(String, String?)])
    func lengthMustBeEightToSixteen(password: String, expected: String?) {
        // Given a password of two kinds of character, 7, 8, 16 or 17 characters long
        // When the policy checks it
        // Then only 8 and 16 pass
        #expect(problem(password) == expected, "\(password.count) characters")
    }

    @Test func lengthCountsCharactersNotBytes() {
        // Given 8 characters, some of which take several UTF-8 bytes
        // When the policy checks it
        // Then it is long enough and not too long
        #expect(problem("Zürich9é") == nil)
        #expect("Zürich9é".utf8.count > 8)
    }

    @Test(arguments: ["qzvmxkwetp", "QZVMXKWETP", "4829170365", "!@#$%^&*()"])
    func oneKindOfCharacterIsRefused(password: String) {
        // Given a password made of one kind of character only
        // When the policy checks it
        // Then it asks for two kinds
        #expect(problem(password) == "password.kinds")
    }

    @Test(arguments: ["qzvmxkwe7", "QZVMXKWEp", "qzvmxkwe!", "4829170#", "QZVMXKWE9"])
    func twoKindsOfCharacterAreEnough(password: String) {
        // Given a password combining exactly two kinds of character
        // When the policy checks it
        // Then it passes
        #expect(problem(password) == nil)
    }

    @Test func commonPasswordIsRefusedWhateverItsCase() {
        // Given "password1" on the list of common passwords
        // When someone picks it in another case
        // Then it is refused as too common
        #expect(problem("PassWord1") == "password.common")
        #expect(problem("PASSWORD1") == "password.common")
    }

    @Test func bundledListRefusesWellKnownPasswords() throws {
        // Given the list shipped with the module
        let bundled = try PasswordPolicy.bundled()
        // When well-known passwords that meet the length and kind rules are checked
        // Then they are refused as too common, and an unusual one is accepted
        for password in ["Password1", "QWERTY123", "abc12345", "iloveyou1"] {
            #expect(bundled.problem(with: password, permitNumber: Fixtures.anna, fullName: "ANNA SCHMIDT")?.key
                    == "password.common", "\(password)")
        }
        #expect(bundled.problem(with: Fixtures.password, permitNumber: Fixtures.anna, fullName: "ANNA SCHMIDT") == nil)
    }

    @Test func passwordContainingThePermitNumberIsRefused() {
        // Given the holder of permit WP2026000001
        // When the password contains the number, in any case, even typed with spaces on the form
        // Then it is refused for containing the permit number
        #expect(problem("x" + Fixtures.anna + "!") == "password.contains_permit")
        #expect(problem("wp2026000001a") == "password.contains_permit")
        #expect(problem("wp2026000001a", permit: " wp 2026 000001 ") == "password.contains_permit")
        // and a password holding only part of it is fine
        #expect(problem("Zq2026000001") == nil)
    }

    @Test func passwordContainingANamePartOfFourLettersIsRefused() {
        // Given the holder named ANNA SCHMIDT
        // When the password contains "anna" or "schmidt" in any case
        // Then it is refused for containing the name
        #expect(problem("Anna2026!x") == "password.contains_name")
        #expect(problem("xx7SCHMIDTxx") == "password.contains_name")
    }

    @Test func namePartsShorterThanFourLettersAreAllowed() {
        // Given a holder named "NG WEI LI", whose name parts are all shorter than four letters
        // When the password contains them
        // Then it passes
        #expect(problem("Wei2026!Li", name: "NG WEI LI") == nil)
        // while a four-letter part of another name is refused
        #expect(problem("Yuan2026!x", name: "NG YUAN") == "password.contains_name")
    }

    @Test func emptyPasswordIsMissing() {
        // Given an empty password field
        // When the policy checks it
        // Then it says a password is needed
        #expect(problem("") == "password.missing")
    }

    @Test func firstBrokenRuleIsReportedInTheOrderAPersonFixesThem() {
        // Given a password breaking several rules at once (short, one kind, contains the name)
        // When the policy checks it
        // Then the length rule is reported first, then the kinds
        #expect(problem("anna") == "password.length")
        #expect(problem("annaschmidt") == "password.kinds")
    }

    @Test func characterKindsCountsUpperLowerDigitsAndSymbols() {
        // Given passwords with one to four kinds of character
        // When the kinds are counted
        // Then each kind counts once
        #expect(PasswordPolicy.characterKinds(in: "abc") == 1)
        #expect(PasswordPolicy.characterKinds(in: "aB") == 2)
        #expect(PasswordPolicy.characterKinds(in: "aB3") == 3)
        #expect(PasswordPolicy.characterKinds(in: "aB3 ") == 4)
    }
}
