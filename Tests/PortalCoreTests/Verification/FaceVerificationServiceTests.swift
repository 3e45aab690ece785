import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

/// A face service that always gives the same answer.
private struct RefusingVerifier: FaceVerifier {
    let error: FaceVerificationError
    func verify(photo: [UInt8], of person: FaceSubject) throws(FaceVerificationError) { throw error }
}

@Suite struct FaceVerificationServiceTests {
    private let goodPhoto = TestImages.png(width: 64, height: 64)
    private let textFile = Array("just text".utf8)
    private let lockDuration: TimeInterval = 15 * 60

    @Test func passingPhotoCollectsTheCard() throws {
        // Given Anna, signed up, without a physical card
        let domain = try TestDomain()
        let account = try domain.register()
        domain.clock.advance(by: 120)
        // When her photo passes
        let state = try domain.faceVerification().verify(accountID: account.id, photo: goodPhoto, remoteAddress: "203.0.113.9")
        // Then the account is active and the card collected now
        #expect(state == .active)
        let stored = try #require(try domain.database.account(id: account.id))
        #expect(stored.state == .active)
        #expect(stored.collectedAt == Fixtures.now.addingTimeInterval(120))
        #expect(try domain.database.events(accountID: account.id).map(\.kind) == [.registered, .faceVerified])
    }

    @Test func cardHolderStillNeedsRealNameVerification() throws {
        // Given John, who holds a physical Social Security Card
        let domain = try TestDomain()
        let account = try domain.register(Fixtures.john, name: "JOHN SMITH")
        // When his photo passes
        let state = try domain.faceVerification().verify(accountID: account.id, photo: goodPhoto, remoteAddress: nil)
        // Then the account waits for real-name verification and no card is collected yet
        #expect(state == .pendingRealName)
        let stored = try #require(try domain.database.account(id: account.id))
        #expect(stored.state == .pendingRealName)
        #expect(stored.collectedAt == nil)
    }

    @Test func fiveFailuresLockTheStepForFifteenMinutes() throws {
        // Given a signed-up account
        let domain = try TestDomain()
        let account = try domain.register()
        let service = domain.faceVerification()
        // When four uploads are not images, each says so
        for _ in 1...4 {
            #expect(throws: FaceVerificationError.notAnImage) {
                try service.verify(accountID: account.id, photo: textFile, remoteAddress: nil)
            }
        }
        // When the fifth fails too, the step is locked for 15 minutes
        let until = Fixtures.now.addingTimeInterval(lockDuration)
        #expect(throws: FaceVerificationError.locked(until: until)) {
            try service.verify(accountID: account.id, photo: textFile, remoteAddress: nil)
        }
        // Then even a good photo is refused until then
        domain.clock.advance(by: lockDuration - 1)
        #expect(throws: FaceVerificationError.locked(until: until)) {
            try service.verify(accountID: account.id, photo: goodPhoto, remoteAddress: nil)
        }
        #expect(try domain.database.account(id: account.id)?.state == .pendingFace)
        // and the five failures, the lock and the attempt refused by the lock are in the audit log
        let events = try domain.database.events(accountID: account.id)
        #expect(events.filter { $0.kind == .faceFailed }.count == 6)
        #expect(events.filter { $0.kind == .faceLocked }.count == 1)
        // When the lock has run out, a good photo passes
        domain.clock.advance(by: 1)
        #expect(try service.verify(accountID: account.id, photo: goodPhoto, remoteAddress: nil) == .active)
        #expect(try domain.database.attempts(.face, accountID: account.id).failures == 0)
    }

    @Test func missingPhotoDoesNotCountAsAnAttempt() throws {
        // Given an account with four failed attempts
        let domain = try TestDomain()
        let account = try domain.register()
        let service = domain.faceVerification()
        for _ in 1...4 { _ = try? service.verify(accountID: account.id, photo: textFile, remoteAddress: nil) }
        // When the form is sent three times without a photo
        for _ in 1...3 {
            #expect(throws: FaceVerificationError.missingPhoto) {
                try service.verify(accountID: account.id, photo: [], remoteAddress: nil)
            }
        }
        // Then the count is unchanged and nothing is locked
        #expect(try domain.database.attempts(.face, accountID: account.id) == Attempts(failures: 4))
        // and a good photo still passes
        #expect(try service.verify(accountID: account.id, photo: goodPhoto, remoteAddress: nil) == .active)
    }

    @Test func serviceRefusalCountsAsAFailure() throws {
        // Given a face service that says the face does not match
        let domain = try TestDomain()
        let account = try domain.register()
        let service = domain.faceVerification(RefusingVerifier(error: .noMatch))
        // When a photo is checked
        // Then the refusal is passed on and counted, with its reason in the log
        #expect(throws: FaceVerificationError.noMatch) {
            try service.verify(accountID: account.id, photo: goodPhoto, remoteAddress: nil)
        }
        #expect(try domain.database.attempts(.face, accountID: account.id).failures == 1)
        #expect(try domain.database.events(kind: .faceFailed).first?.detail == "noMatch")
    }

    @Test func accountPastTheFaceStepIsLeftAsItIs() throws {
        // Given an active account and a face service that would refuse anything
        let domain = try TestDomain()
        let account = try domain.registerAndVerifyFace()
        let service = domain.faceVerification(RefusingVerifier(error: .noMatch))
        // When the face step is tried again
        // Then the account keeps its state and nothing is counted
        #expect(try service.verify(accountID: account.id, photo: goodPhoto, remoteAddress: nil) == .active)
        #expect(try domain.database.account(id: account.id) == account)
    }

    @Test func anAccountReplacedMeanwhileEndsTheRegistrationNotAsBusy() throws {
        let domain = try TestDomain()
        #expect(throws: FaceVerificationError.registrationEnded) {
            try domain.faceVerification().verify(accountID: 999, photo: goodPhoto, remoteAddress: nil)
        }
    }
}
