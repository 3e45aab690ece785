import Foundation

/// QR codes for the Exit-Entry Administration: a signed token, valid 60 seconds, shown as a QR of the verification
/// page's address; the page accepts each token once, like the real e-card code.
public struct QRVerification: Sendable {
    /// What the verification page shows as its heading.
    public enum Outcome: Sendable, Equatable {
        /// Only what an officer needs: name, permit number, status and validity.
        case valid(Permit)
        case expired
        case alreadyUsed
        case notValid
    }

    private let signer: PermitTokenSigner
    private let store: any PermitServicesStore
    private let registry: any PermitRegistry
    private let clock: any PortalClock

    public init(signer: PermitTokenSigner, store: any PermitServicesStore, registry: any PermitRegistry,
                clock: any PortalClock) {
        self.signer = signer
        self.store = store
        self.registry = registry
        self.clock = clock
    }

    public var publicKey: String { signer.publicKeyBase64URL }

    /// A new signed token for the permit, expiring 60 seconds from now.
    public func issue(for permit: Permit) -> (token: String, expiresAt: Date) {
        let token = PermitToken(permitNumber: permit.number, expiresAt: clock.now().addingTimeInterval(PermitToken.lifetime))
        return (signer.sign(token), token.expiresAt)
    }

    /// The token of this holder's permit, if `text` is a live one this portal signed (for drawing its QR image).
    public func token(_ text: String, belongsTo permitNumber: String) -> Bool {
        guard let token = signer.verified(text) else { return false }
        return token.permitNumber == permitNumber && clock.now() < token.expiresAt
    }

    /// Checks the token and uses it up. A permit that has expired or was canceled is "not valid", whatever the
    /// token's own expiry, even one issued a second before.
    public func verify(_ text: String) throws -> Outcome {
        guard let token = signer.verified(text) else { return .notValid }
        let now = clock.now()
        guard now < token.expiresAt else { return .expired }
        guard let permit = try registry.permit(number: token.permitNumber),
              permit.standing(on: CalendarDay(containing: now)).isUsable else { return .notValid }
        guard try store.useToken(id: token.id, permitNumber: permit.number, at: now) else { return .alreadyUsed }
        return .valid(permit)
    }
}
