import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct RegistrationServiceTests {
    private typealias Problem = FieldProblem<RegistrationForm.Field>

    private func form(_ name: String = "ANNA SCHMIDT", _ permit: String = Fixtures.anna,
                      password: String = Fixtures.password, confirm: String? = nil) -> RegistrationForm {
        RegistrationForm(fullName: name, permitNumber: permit, password: password, passwordConfirm: confirm ?? password)
    }

    private func refusal(_ problems: [(RegistrationForm.Field, String)]) -> RegistrationError {
        .invalid(problems.map { Problem($0.0, UserMessage($0.1)) })
    }

    @Test func validFormCreatesAnAccountWaitingForFacialRecognition() throws {
        // Given a valid permit in the registry
        let domain = try TestDomain()
        // When they sign up with their passport name in other case and spacing
        let (account, session) = try domain.registration.register(
            form("  anna   Schmidt ", " wp2026000001 "), remoteAddress: "203.0.113.9")
        // Then the account holds the registry's name and number, waits for the face, and the password verifies
        #expect(account.state == .pendingFace)
        #expect(account.fullName == "ANNA SCHMIDT")
        #expect(account.permitNumber == Fixtures.anna)
        #expect(account.createdAt == Fixtures.now)
        #expect(account.passwordHash.hasPrefix("$argon2id$"))
        #expect(try domain.hasher.verify(Fixtures.password, against: account.passwordHash))
        #expect(try domain.database.account(permitNumber: Fixtures.anna) == account)
        // and a new session is signed in to the account
        #expect(try domain.database.session(digest: session.record.tokenDigest)?.accountID == account.id)
        // and the registration is in the audit log
        let events = try domain.database.events(accountID: account.id)
        #expect(events.map(\.kind) == [.registered])
        #expect(events.first?.subject == Fixtures.anna)
        #expect(events.first?.remoteAddress == "203.0.113.9")
    }

    @Test func permitExpiringSoonCanStillRegister() throws {
        // Given a permit that expires in 20 days
        let domain = try TestDomain()
        // When its holder signs up
        let account = try domain.register(Fixtures.maria, name: "Maria Garcia")
        // Then the account is created
        #expect(account.permitNumber == Fixtures.maria)
    }

    @Test(arguments: [
        ("ANNA SCHMIDT", "WP2026999999", "registration.permit.unknown"),
        ("KENJI TANAKA", Fixtures.kenji, "registration.permit.expired"),
        ("LUCAS MARTIN", Fixtures.lucas, "registration.permit.canceled"),
    ])
    func permitThatCannotBeUsedIsRefused(name: String, permit: String, key: String) throws {
        // Given a permit that is unknown, expired or canceled
        let domain = try TestDomain()
        // When its holder signs up
        // Then the permit number field says why, and nothing is written
        #expect(throws: refusal([(.permitNumber, key)])) {
            try domain.registration.register(form(name, permit), remoteAddress: nil)
        }
        #expect(try domain.database.account(permitNumber: permit) == nil)
        #expect(try domain.database.events(kind: .registered).isEmpty)
    }

    @Test func nameThatDiffersFromThePermitIsRefused() throws {
        // Given Anna's valid permit
        let domain = try TestDomain()
        // When someone signs up with another name
        // Then the name field says it does not match, and no account is created
        #expect(throws: refusal([(.fullName, "registration.full_name.mismatch")])) {
            try domain.registration.register(form("JOHN SMITH"), remoteAddress: nil)
        }
        #expect(try domain.database.account(permitNumber: Fixtures.anna) == nil)
    }

    @Test func secondAccountForTheSamePermitIsRefused() throws {
        // Given an account for Anna's permit that has passed facial recognition
        let domain = try TestDomain()
        let first = try domain.registerAndVerifyFace()
        // When someone signs up again with the same permit
        // Then it is refused as a duplicate and the first account is unchanged
        #expect(throws: refusal([(.permitNumber, "registration.duplicate")])) {
            try domain.registration.register(form(password: "Other2026!y"), remoteAddress: nil)
        }
        #expect(try domain.database.account(permitNumber: Fixtures.anna) == first)
        #expect(try domain.database.events(kind: .registered).count == 1)
    }

    @Test func anAccountStillWaitingForFacialRecognitionIsReplaced() throws {
        // Given an account for Anna's permit whose facial recognition was never done (by her, or by a stranger
        // who knew her name and permit number)
        let domain = try TestDomain()
        let abandoned = try domain.register()
        // When she signs up again
        let (account, _) = try domain.registration.register(form(password: "Other2026!y"), remoteAddress: nil)
        // Then the new account replaces the old one, and the log says so
        #expect(account.id != abandoned.id)
        #expect(try domain.database.account(id: abandoned.id) == nil)
        #expect(try domain.database.account(permitNumber: Fixtures.anna)?.id == account.id)
        #expect(try domain.database.events(kind: .registered).last?.detail
            == "replaced account \(abandoned.id), which had not finished facial recognition")
    }

    @Test func registeringAgainDoesNotBuyFreshFaceAttempts() throws {
        // Given an unfinished account whose facial recognition is locked after five failures
        let domain = try TestDomain()
        let abandoned = try domain.register()
        let limit = AttemptLimit()
        for _ in 1...5 {
            _ = try domain.database.recordFailure(.face, accountID: abandoned.id, limit: limit,
                                                  event: AuditEvent(.faceFailed, at: Fixtures.now, accountID: abandoned.id))
        }
        // When the same permit is registered again
        let (account, _) = try domain.registration.register(form(password: "Other2026!y"), remoteAddress: nil)
        // Then the new account is still locked until the same time
        #expect(try domain.database.attempts(.face, accountID: account.id).lockedUntil == Fixtures.now.addingTimeInterval(900))
    }

    @Test func passwordConfirmationMustMatch() throws {
        // Given a valid form
        let domain = try TestDomain()
        // When the confirmation differs from the password
        // Then the confirmation field says so
        #expect(throws: refusal([(.passwordConfirm, "registration.password_confirm.mismatch")])) {
            try domain.registration.register(form(confirm: "Portal2026!y"), remoteAddress: nil)
        }
        #expect(try domain.database.account(permitNumber: Fixtures.anna) == nil)
    }

    @Test func passwordRuleBrokenIsNamed() throws {
        // Given a valid form
        let domain = try TestDomain()
        // When the password contains the holder's name
        // Then the password field names that rule (the confirmation is not judged yet)
        #expect(throws: refusal([(.password, "password.contains_name")])) {
            try domain.registration.register(form(password: "Schmidt2026!", confirm: "x"), remoteAddress: nil)
        }
    }

    @Test func emptyFormReportsEveryMissingFieldInFieldOrder() throws {
        // Given nothing typed
        let domain = try TestDomain()
        // When the form is submitted
        // Then each field reports its problem, in the order the form shows the fields
        #expect(throws: refusal([(.fullName, "registration.full_name.missing"),
                                 (.permitNumber, "registration.permit_number.missing"),
                                 (.password, "password.missing")])) {
            try domain.registration.register(form(" ", "  ", password: ""), remoteAddress: nil)
        }
    }

    @Test func problemsInSeveralFieldsAreAllReportedInFieldOrder() throws {
        let domain = try TestDomain()
        // Given a form with the wrong name and a short password
        // When it is submitted
        // Then both problems are reported, name first
        #expect(throws: refusal([(.fullName, "registration.full_name.mismatch"), (.password, "password.length")])) {
            try domain.registration.register(form("JOHN SMITH", password: "Ab1"), remoteAddress: nil)
        }
        // Given a malformed permit number and a mismatched confirmation
        // Then both are reported, permit number first
        #expect(throws: refusal([(.permitNumber, "registration.permit_number.format"),
                                 (.passwordConfirm, "registration.password_confirm.mismatch")])) {
            try domain.registration.register(form("ANNA SCHMIDT", "WP-1", confirm: "nope"), remoteAddress: nil)
        }
    }

    @Test func overlongNameIsRefused() throws {
        // Given a name longer than the field limit
        let domain = try TestDomain()
        let name = String(repeating: "A", count: TextLimits.maximumFieldLength + 1)
        // When it is submitted
        // Then the name field says it is too long
        #expect(throws: refusal([(.fullName, "registration.full_name.too_long")])) {
            try domain.registration.register(form(name), remoteAddress: nil)
        }
    }

    @Test func busyHashingRefusesWithoutWriting() throws {
        // Given every hashing slot taken
        let domain = try TestDomain()
        _ = try domain.gate.run {
            // When a valid form is submitted
            // Then the person is told the service is busy
            #expect(throws: SecurityError.busy) {
                try domain.registration.register(form(), remoteAddress: nil)
            }
        }
        // and no account was created
        #expect(try domain.database.account(permitNumber: Fixtures.anna) == nil)
    }
}
