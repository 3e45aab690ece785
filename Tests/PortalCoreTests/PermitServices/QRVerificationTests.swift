import Foundation
import PortalTestSupport
import Testing
@testable import PortalCore

@Suite struct QRVerificationTests {
    let domain: TestDomain
    let signer = PermitTokenSigner.random()
    let qr: QRVerification

    init() throws {
        domain = try TestDomain()
        qr = QRVerification(signer: signer, store: domain.database, registry: domain.database, clock: domain.clock)
    }

    private func annasPermit() throws -> Permit { try #require(try domain.database.permit(number: Fixtures.anna)) }

    @Test func aTokenIsValidOnceThenAlreadyUsed() throws {
        let (token, expiresAt) = qr.issue(for: try annasPermit())
        #expect(expiresAt == Fixtures.now.addingTimeInterval(60))
        guard case .valid(let permit) = try qr.verify(token) else { Issue.record("not valid"); return }
        #expect(permit.number == Fixtures.anna)
        #expect(try qr.verify(token) == .alreadyUsed)
    }

    @Test func aTokenExpiresAfterSixtySeconds() throws {
        let (token, _) = qr.issue(for: try annasPermit())
        domain.clock.advance(by: 59)
        #expect(qr.token(token, belongsTo: Fixtures.anna))
        domain.clock.advance(by: 1)
        #expect(try qr.verify(token) == .expired)
        #expect(!qr.token(token, belongsTo: Fixtures.anna))
    }

    @Test func tamperedForeignAndMalformedTokensAreNotValid() throws {
        let (token, _) = qr.issue(for: try annasPermit())
        let parts = token.split(separator: ".")
        // The payload changed to another permit, the same signature
        let forged = SecureToken.base64URL(Data("\(Fixtures.john)|x|\(Int(Fixtures.now.timeIntervalSince1970) + 60)".utf8))
        #expect(try qr.verify(forged + "." + parts[1]) == .notValid)
        // Signed by another key
        let foreign = PermitTokenSigner.random().sign(PermitToken(permitNumber: Fixtures.anna, expiresAt: Fixtures.now.addingTimeInterval(60)))
        #expect(try qr.verify(foreign) == .notValid)
        for garbage in ["", ".", "abc", "a.b.c", String(repeating: "A", count: 500)] { #expect(try qr.verify(garbage) == .notValid) }
        #expect(!qr.token(token, belongsTo: Fixtures.john))
    }

    @Test func aCanceledPermitsTokenIsNotValidEvenIfJustIssued() throws {
        let (token, _) = qr.issue(for: try annasPermit())
        try domain.database.cancelPermit(number: Fixtures.anna, reason: "test")
        #expect(try qr.verify(token) == .notValid)
    }

    @Test func theKeyPairIsCreatedOwnerOnlyAndTheSameOnTheNextStart() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).key").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let first = try PermitTokenSigner.loadOrCreate(at: path), second = try PermitTokenSigner.loadOrCreate(at: path)
        #expect(first.publicKeyBase64URL == second.publicKeyBase64URL)
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let token = first.sign(PermitToken(permitNumber: "WP1", id: "i", expiresAt: Fixtures.now))
        #expect(second.verified(token) == PermitToken(permitNumber: "WP1", id: "i", expiresAt: Fixtures.now))
    }
}
