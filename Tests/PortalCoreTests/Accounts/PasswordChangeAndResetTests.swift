import Foundation
import PortalTestSupport
import Testing
@testable import PortalCore

@Suite struct PasswordChangeServiceTests {
    let domain: TestDomain
    let service: PasswordChangeService
    let newPassword = "Harbour2027#k"

    init() throws {
        domain = try TestDomain()
        service = PasswordChangeService(accounts: domain.database, attempts: domain.database, registry: domain.database,
                                        sessions: domain.sessions, hasher: domain.hasher, policy: Fixtures.policy,
                                        clock: domain.clock)
    }

    private func form(_ current: String = Fixtures.password, _ new: String? = nil, _ confirm: String? = nil)
        -> PasswordChangeService.Form {
        .init(currentPassword: current, password: new ?? newPassword, passwordConfirm: confirm ?? new ?? newPassword)
    }

    @Test func theRightCurrentPasswordSetsTheNewOneAndLeavesOnlyTheNewSession() throws {
        let account = try domain.registerAndVerifyFace()
        let old = try domain.startSession(), other = try domain.startSession()
        let session = try service.change(form(), account: account, sessionDigest: old.record.tokenDigest, remoteAddress: nil)
        let stored = try #require(try domain.database.account(id: account.id))
        #expect(try domain.hasher.verify(newPassword, against: stored.passwordHash))
        #expect(try !domain.hasher.verify(Fixtures.password, against: stored.passwordHash))
        #expect(try domain.database.session(digest: old.record.tokenDigest) == nil)
        #expect(try domain.database.session(digest: other.record.tokenDigest) == nil)
        #expect(try domain.database.session(digest: session.record.tokenDigest)?.accountID == account.id)
        #expect(try domain.database.events(kind: .passwordChanged).map(\.accountID) == [account.id])
    }

    @Test func aWrongCurrentPasswordCountsTowardTheLoginLock() throws {
        let account = try domain.registerAndVerifyFace()
        for _ in 1...4 {
            #expect(throws: PasswordChangeError.incorrect) {
                try service.change(form("Wrong2026!x"), account: account, sessionDigest: "x", remoteAddress: nil)
            }
        }
        #expect(throws: PasswordChangeError.locked(until: Fixtures.now.addingTimeInterval(15 * 60))) {
            try service.change(form("Wrong2026!x"), account: account, sessionDigest: "x", remoteAddress: nil)
        }
        #expect(throws: PasswordChangeError.locked(until: Fixtures.now.addingTimeInterval(15 * 60))) {
            try service.change(form(), account: account, sessionDigest: "x", remoteAddress: nil)
        }
    }

    @Test func theNewPasswordFollowsTheRulesAndDiffersFromTheCurrentOne() throws {
        let account = try domain.registerAndVerifyFace()
        #expect(throws: PasswordChangeError.invalid([FieldProblem("password", UserMessage("password.length"))])) {
            try service.change(form(Fixtures.password, "short"), account: account, sessionDigest: "x", remoteAddress: nil)
        }
        #expect(throws: PasswordChangeError.invalid([FieldProblem("password_confirm", UserMessage("registration.password_confirm.mismatch"))])) {
            try service.change(form(Fixtures.password, newPassword, "Other2027#k"), account: account, sessionDigest: "x",
                               remoteAddress: nil)
        }
        #expect(throws: PasswordChangeError.invalid([FieldProblem("password", UserMessage("password_change.same"))])) {
            try service.change(form(Fixtures.password, Fixtures.password), account: account, sessionDigest: "x",
                               remoteAddress: nil)
        }
    }
}

@Suite struct PasswordResetServiceTests {
    let domain: TestDomain
    let gateway = RecordingGateway()
    let service: PasswordResetService

    init() throws {
        domain = try TestDomain()
        let (_, codes) = domain.realName(gateway, texts: PlainTexts())
        service = PasswordResetService(resets: domain.database, accounts: domain.database, attempts: domain.database,
                                       audit: domain.database, registry: domain.database, codes: codes,
                                       faces: DevelopmentFaceVerifier(), hasher: domain.hasher, policy: Fixtures.policy,
                                       clock: domain.clock)
    }

    /// John with a verified phone, as real-name verification by phone leaves him.
    private func johnWithPhone() throws -> Account {
        let john = try domain.registerAndVerifyFace(Fixtures.john, name: "JOHN SMITH")
        let (realName, _) = domain.realName(gateway, texts: PlainTexts())
        try realName.sendPhoneCode("13800000002", account: john, ownerDigest: "o", language: .english, remoteAddress: nil)
        try realName.complete(code: gateway.messages.last!.code, account: john, ownerDigest: "o", remoteAddress: nil)
        domain.clock.advance(by: 61)
        return try #require(try domain.database.account(id: john.id))
    }

    private func reset(_ token: String) throws -> PasswordReset { try #require(try service.find(token: token)) }

    @Test func aCodeToTheVerifiedPhoneLetsANewPasswordBeSetAndEndsEverySession() throws {
        let john = try johnWithPhone()
        let open = domain.sessions.makeSession(accountID: john.id)
        try domain.database.insert(open.record)
        let token = try service.start(.socialSecurityNumber(Fixtures.johnSSNumber), language: .chinese, remoteAddress: nil)
        let message = try #require(gateway.messages.last)
        #expect(message.purpose == .passwordReset && message.to == "13800000002" && message.text.hasPrefix("zh "))
        #expect(throws: PasswordResetError.notVerified) {
            try service.setPassword("Harbour2027#k", confirm: "Harbour2027#k", reset: try reset(token), remoteAddress: nil)
        }
        try service.verifyCode(message.code, reset: try reset(token), remoteAddress: nil)
        try service.setPassword("Harbour2027#k", confirm: "Harbour2027#k", reset: try reset(token), remoteAddress: nil)
        let stored = try #require(try domain.database.account(id: john.id))
        #expect(try domain.hasher.verify("Harbour2027#k", against: stored.passwordHash))
        #expect(try domain.database.session(digest: open.record.tokenDigest) == nil)
        #expect(try service.find(token: token) == nil)  // the reset is used up
        #expect(try domain.database.events(kind: .passwordReset).map(\.accountID) == [john.id])
    }

    @Test func aNumberWithoutAnAccountGoesThroughTheSameStepsAndNeverSucceeds() throws {
        let token = try service.start(.permitNumber("WP2026999999"), language: .english, remoteAddress: nil)
        #expect(gateway.messages.isEmpty)
        for left in (1...4).reversed() {
            #expect(throws: SmsCodeError.wrong(entriesLeft: left)) {
                try service.verifyCode("123456", reset: try reset(token), remoteAddress: nil)
            }
        }
        #expect(throws: SmsCodeError.spent) { try service.verifyCode("123456", reset: try reset(token), remoteAddress: nil) }
        #expect(throws: FaceVerificationError.noMatch) {
            try service.verifyFace(TestImages.png(), reset: try reset(token), remoteAddress: nil)
        }
    }

    @Test func facialRecognitionIsTheProofOnlyForAnAccountWithoutAPhone() throws {
        let anna = try domain.registerAndVerifyFace()
        let token = try service.start(.permitNumber(Fixtures.anna), language: .english, remoteAddress: nil)
        #expect(gateway.messages.isEmpty)
        try service.verifyFace(TestImages.png(), reset: try reset(token), remoteAddress: nil)
        try service.setPassword("Harbour2027#k", confirm: "Harbour2027#k", reset: try reset(token), remoteAddress: nil)
        #expect(try domain.hasher.verify("Harbour2027#k", against: try #require(try domain.database.account(id: anna.id)).passwordHash))

        let john = try johnWithPhone()
        let johnsToken = try service.start(.permitNumber(john.permitNumber), language: .english, remoteAddress: nil)
        #expect(throws: FaceVerificationError.noMatch) {
            try service.verifyFace(TestImages.png(), reset: try reset(johnsToken), remoteAddress: nil)
        }
    }

    @Test func aResetLastsFifteenMinutesAndResendsArePacedAlikeForEveryone() throws {
        let token = try service.start(.permitNumber("WP2026999999"), language: .english, remoteAddress: nil)
        #expect(throws: SmsCodeError.wait(until: Fixtures.now.addingTimeInterval(60))) {
            try service.resend(try reset(token), language: .english)
        }
        domain.clock.advance(by: 60)
        try service.resend(try reset(token), language: .english)
        domain.clock.advance(by: 15 * 60 - 60)
        #expect(try service.find(token: token) == nil)
    }
}

@Suite struct ResetLeaksNothingTests {
    @Test func everyNumberGetsTheSameFaceAndExpiredCodeAnswers() throws {
        // Found in review: a phone-less account's reset answered the provider's and the lock's messages, and an
        // expired code told a phone account from the rest.
        let domain = try TestDomain()
        let gateway = RecordingGateway()
        let (realName, codes) = domain.realName(gateway, texts: PlainTexts())
        let service = PasswordResetService(resets: domain.database, accounts: domain.database, attempts: domain.database,
                                           audit: domain.database, registry: domain.database, codes: codes,
                                           faces: RefusingFaces(), hasher: domain.hasher, policy: Fixtures.policy,
                                           clock: domain.clock)
        try domain.registerAndVerifyFace()  // Anna: no phone
        let john = try domain.registerAndVerifyFace(Fixtures.john, name: "JOHN SMITH")
        try realName.sendPhoneCode("13800000002", account: john, ownerDigest: "o", language: .english, remoteAddress: nil)
        try realName.complete(code: gateway.messages.last!.code, account: john, ownerDigest: "o", remoteAddress: nil)
        domain.clock.advance(by: 61)
        let anna = try service.start(.permitNumber(Fixtures.anna), language: .english, remoteAddress: nil)
        let nobody = try service.start(.permitNumber("WP2026999999"), language: .english, remoteAddress: nil)
        let phone = try service.start(.permitNumber(Fixtures.john), language: .english, remoteAddress: nil)
        for token in [anna, nobody, phone] {
            let reset = try #require(try service.find(token: token))
            #expect(throws: FaceVerificationError.noMatch) { try service.verifyFace(TestImages.png(), reset: reset, remoteAddress: nil) }
        }
        domain.clock.advance(by: 11 * 60)  // the codes have expired, the resets (15 minutes) have not
        for token in [nobody, phone] {
            let reset = try #require(try service.find(token: token))
            #expect(throws: SmsCodeError.wrong(entriesLeft: 3)) { try service.verifyCode("123456", reset: reset, remoteAddress: nil) }
        }
    }
}

/// A face provider that never matches, as a real one refuses a stranger's face.
private struct RefusingFaces: FaceVerifier {
    func verify(photo: [UInt8], of person: FaceSubject) throws(FaceVerificationError) { throw .noMatch }
}

@Suite struct ParallelCodeEntriesTests {
    @Test func parallelGuessesAreCountedBeforeTheyAreCompared() throws {
        let domain = try TestDomain()
        let gateway = RecordingGateway()
        let (_, codes) = domain.realName(gateway, texts: PlainTexts())
        let account = try domain.register()
        try codes.send(.realNamePhone, to: "13800000002", accountID: account.id, ownerDigest: "o", language: .english)
        let wrong = gateway.messages.last!.code == "000000" ? "111111" : "000000"
        let compared = Counter()
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            do { _ = try codes.check(wrong, ownerDigest: "o", purposes: [.realNamePhone]) } catch SmsCodeError.wrong {
                compared.add()
            } catch {}
        }
        // Five entries were compared at most (the fifth answers "spent"); the other fifteen were refused unread
        #expect(compared.wrong == 4)
        #expect(try domain.database.latestCode(ownerDigest: "o", purposes: [.realNamePhone])?.wrongEntries == 5)
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var wrongCount = 0
    func add() { lock.withLock { wrongCount += 1 } }
    var wrong: Int { lock.withLock { wrongCount } }
}
