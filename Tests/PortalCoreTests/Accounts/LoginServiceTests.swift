import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct LoginServiceTests {
    private let wrongPassword = "Wrong2026!x"
    private let lockDuration: TimeInterval = 15 * 60

    @discardableResult
    private func logIn(_ login: LoginService, _ identifier: LoginService.Identifier = .permitNumber(Fixtures.anna),
                       password: String = Fixtures.password) throws -> (account: Account, session: NewSession) {
        try login.logIn(identifier, password: password, remoteAddress: "203.0.113.9")
    }

    @Test func correctPasswordSignsInWithANewSession() throws {
        // Given an active account
        let domain = try TestDomain()
        let registered = try domain.registerAndVerifyFace()
        let login = try domain.login()
        // When they log in with the permit number typed loosely and the right password
        let (account, session) = try login.logIn(.permitNumber(" wp2026000001 "), password: Fixtures.password,
                                                 remoteAddress: nil)
        // Then they are signed in to their account on a new session id
        #expect(account.id == registered.id)
        #expect(account.state == .active)
        #expect(try domain.database.session(digest: session.record.tokenDigest)?.accountID == registered.id)
        #expect(try domain.database.events(kind: .loginSucceeded).map(\.accountID) == [registered.id])
    }

    @Test func accountWaitingForItsFaceCanLogIn() throws {
        // Given an account that signed up but has not done facial recognition
        let domain = try TestDomain()
        try domain.register()
        // When its holder logs in
        let (account, _) = try logIn(try domain.login())
        // Then they are signed in, and the account says the face step is next
        #expect(account.state == .pendingFace)
    }

    @Test func socialSecurityNumberFindsTheAccountThroughTheCardRegistry() throws {
        // Given John, who holds a physical card, signed up with his permit
        let domain = try TestDomain()
        let registered = try domain.register(Fixtures.john, name: "JOHN SMITH")
        let login = try domain.login()
        // When he logs in with his social-security number
        let (account, _) = try logIn(login, .socialSecurityNumber(" \(Fixtures.johnSSNumber) "))
        // Then the card registry leads to his account
        #expect(account.id == registered.id)
        #expect(account.permitNumber == Fixtures.john)
        // and an unknown social-security number is just incorrect
        #expect(throws: LoginError.incorrect) { try logIn(login, .socialSecurityNumber("440100000000009999")) }
    }

    @Test func unknownAccountIsIncorrectLikeAWrongPassword() throws {
        // Given Anna's account
        let domain = try TestDomain()
        try domain.registerAndVerifyFace()
        let login = try domain.login()
        // When someone logs in with a number that has no account, and with a wrong password
        // Then both get the same error
        #expect(throws: LoginError.incorrect) { try logIn(login, .permitNumber("WP2026999999")) }
        #expect(throws: LoginError.incorrect) { try logIn(login, .permitNumber(Fixtures.john)) }
        #expect(throws: LoginError.incorrect) { try logIn(login, password: wrongPassword) }
    }

    @Test func aCardHolderBeforeRealNameVerificationIsSignedInToFinishIt() throws {
        // Given John, a physical-card holder who passed facial recognition
        let domain = try TestDomain()
        let john = try domain.registerAndVerifyFace(Fixtures.john, name: "JOHN SMITH")
        #expect(john.state == .pendingRealName)
        let login = try domain.login()
        // When he logs in with a wrong password, it is simply incorrect
        #expect(throws: LoginError.incorrect) { try logIn(login, .permitNumber(Fixtures.john), password: wrongPassword) }
        // When he logs in with the right one, by permit or social-security number, he is signed in, still pending
        let (account, session) = try logIn(login, .socialSecurityNumber(Fixtures.johnSSNumber))
        #expect(account.state == .pendingRealName)
        #expect(try domain.database.session(digest: session.record.tokenDigest)?.accountID == john.id)
        #expect(try domain.database.attempts(.login, accountID: john.id).failures == 0)
    }

    @Test func aLoginWithAnUnknownNumberIsAudited() throws {
        // Given no account for a number
        let domain = try TestDomain()
        let login = try domain.login()
        // When someone tries it
        #expect(throws: LoginError.incorrect) { try logIn(login, .permitNumber(" wp2026999999 ")) }
        // Then the attempt is in the audit log with the number as typed and normalised
        let events = try domain.database.events(kind: .loginFailed)
        #expect(events.map(\.subject) == ["WP2026999999"])
        #expect(events.first?.accountID == nil)
    }

    @Test func fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws {
        // Given an active account
        let domain = try TestDomain()
        let account = try domain.registerAndVerifyFace()
        let login = try domain.login()
        // When the password is wrong four times, each attempt is incorrect
        for _ in 1...4 {
            #expect(throws: LoginError.incorrect) { try logIn(login, password: wrongPassword) }
        }
        // When it is wrong a fifth time, the account is locked for 15 minutes
        let until = Fixtures.now.addingTimeInterval(lockDuration)
        #expect(throws: LoginError.locked(until: until)) { try logIn(login, password: wrongPassword) }
        // Then even the correct password is refused while the lock holds
        domain.clock.advance(by: lockDuration - 1)
        #expect(throws: LoginError.locked(until: until)) { try logIn(login) }
        // and the five failures, the lock and the attempt refused by the lock are in the audit log
        let kinds = try domain.database.events(accountID: account.id).map(\.kind)
        #expect(kinds.filter { $0 == .loginFailed }.count == 6)
        #expect(kinds.filter { $0 == .accountLocked }.count == 1)
    }

    @Test func lockRunsOutAfterFifteenMinutes() throws {
        // Given an account locked by five wrong passwords
        let domain = try TestDomain()
        try domain.registerAndVerifyFace()
        let login = try domain.login()
        for _ in 1...5 { _ = try? logIn(login, password: wrongPassword) }
        // When 15 minutes have passed
        domain.clock.advance(by: lockDuration)
        // Then one more wrong password is merely incorrect (the count started afresh)
        #expect(throws: LoginError.incorrect) { try logIn(login, password: wrongPassword) }
        // and the correct password signs in and clears the failures
        let (account, _) = try logIn(login)
        #expect(try domain.database.attempts(.login, accountID: account.id).failures == 0)
        #expect(try domain.database.attempts(.login, accountID: account.id).lockedUntil == nil)
    }

    @Test func successResetsTheFailureCount() throws {
        // Given four wrong passwords in a row
        let domain = try TestDomain()
        let account = try domain.registerAndVerifyFace()
        let login = try domain.login()
        for _ in 1...4 { _ = try? logIn(login, password: wrongPassword) }
        #expect(try domain.database.attempts(.login, accountID: account.id).failures == 4)
        // When the correct password is given
        try logIn(login)
        // Then four more wrong passwords do not lock the account
        for _ in 1...4 {
            #expect(throws: LoginError.incorrect) { try logIn(login, password: wrongPassword) }
        }
        #expect(try domain.database.attempts(.login, accountID: account.id).failures == 4)
    }

    @Test func lockoutMessageGivesTheTimeInChinaStandardTime() {
        // Given a lock until 10:15 China Standard Time
        let until = Fixtures.now.addingTimeInterval(lockDuration)
        // When its message is made
        let message = LoginError.locked(until: until).message
        // Then it names that time
        #expect(message == UserMessage("lockout", ["time": "10:15"]))
    }

    @Test func emptyFieldsAreReportedBeforeAnyLookup() throws {
        // Given a login page
        let domain = try TestDomain()
        let login = try domain.login()
        // When it is submitted empty
        // Then each empty field is named
        #expect(throws: LoginError.invalid([
            FieldProblem(.permitNumber, UserMessage("login.permit_number.missing")),
            FieldProblem(.password, UserMessage("login.password.missing")),
        ])) { try logIn(login, .permitNumber("   "), password: "") }
        #expect(throws: LoginError.invalid([FieldProblem(.ssNumber, UserMessage("login.ss_number.missing"))])) {
            try logIn(login, .socialSecurityNumber(""))
        }
    }

    @Test func busyHashingIsReportedAndNotCountedAsAFailure() throws {
        // Given an account and every hashing slot taken
        let domain = try TestDomain()
        let account = try domain.registerAndVerifyFace()
        let login = try domain.login()
        try domain.gate.run {
            // When someone logs in, to a known or an unknown account
            // Then they are told the service is busy
            #expect(throws: SecurityError.busy) { try logIn(login, password: wrongPassword) }
            #expect(throws: SecurityError.busy) { try logIn(login, .permitNumber("WP2026999999")) }
        }
        // and nothing counts against the account
        #expect(try domain.database.attempts(.login, accountID: account.id).failures == 0)
    }
}

@Suite struct TypedNumberLockTests {
    @Test func aNumberWithoutAnAccountLocksLikeOneWithAnAccount() throws {
        // Found by the attacker review: unknown permit numbers never locked, known ones did
        let domain = try TestDomain()
        try domain.registerAndVerifyFace()
        let login = try domain.login()
        func fiveWrongThenSixth(_ number: String) throws -> LoginError? {
            for _ in 1...5 { _ = try? login.logIn(.permitNumber(number), password: "Wrong2026!x", remoteAddress: nil) }
            do { _ = try login.logIn(.permitNumber(number), password: "Wrong2026!x", remoteAddress: nil) } catch let error as LoginError {
                return error
            }
            return nil
        }
        let until = Fixtures.now.addingTimeInterval(15 * 60)
        #expect(try fiveWrongThenSixth(Fixtures.anna) == .locked(until: until))
        #expect(try fiveWrongThenSixth("WP2026999999") == .locked(until: until))
        // and the count is kept under a MAC of what was typed, never the number itself
        #expect(try domain.database.rowCount("typed_attempts") == 2)
    }

    @Test func aRightPasswordStartsTheTypedCountAgainAndQuietCountsArePruned() throws {
        let domain = try TestDomain()
        try domain.registerAndVerifyFace()
        let login = try domain.login()
        for _ in 1...4 { _ = try? login.logIn(.permitNumber("WP2026999999"), password: "Wrong2026!x", remoteAddress: nil) }
        _ = try login.logIn(.permitNumber(Fixtures.anna), password: Fixtures.password, remoteAddress: nil)
        #expect(try domain.database.rowCount("typed_attempts") == 1)  // only the unknown number's
        domain.clock.advance(by: 15 * 60 + 1)
        try login.pruneTypedAttempts()
        #expect(try domain.database.rowCount("typed_attempts") == 0)
    }
}
