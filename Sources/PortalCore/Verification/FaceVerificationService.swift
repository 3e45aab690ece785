import Foundation

/// Step 5 of the guide: facial recognition finishes registration. Holders of a physical Social Security Card
/// still need real-name verification afterwards; everyone else has collected the e-card.
public struct FaceVerificationService: Sendable {
    private let verifier: any FaceVerifier
    private let registry: any PermitRegistry
    private let accounts: any AccountStore
    private let attempts: any AttemptStore
    private let clock: any PortalClock
    private let limit: AttemptLimit

    public init(verifier: any FaceVerifier, registry: any PermitRegistry, accounts: any AccountStore,
                attempts: any AttemptStore, clock: any PortalClock, limit: AttemptLimit = AttemptLimit()) {
        self.verifier = verifier
        self.registry = registry
        self.accounts = accounts
        self.attempts = attempts
        self.clock = clock
        self.limit = limit
    }

    /// Checks `photo` for the account and records the outcome; returns the account's new state.
    public func verify(accountID: Int64, photo: [UInt8], remoteAddress: String?) throws -> Account.State {
        // Replaced by a new registration of the same permit since the page was shown: nothing to verify any more.
        guard let account = try accounts.account(id: accountID) else { throw FaceVerificationError.registrationEnded }
        guard account.state == .pendingFace else { return account.state }
        let now = clock.now()
        func event(_ kind: AuditEvent.Kind, _ detail: String? = nil) -> AuditEvent {
            AuditEvent(kind, at: now, accountID: account.id, remoteAddress: remoteAddress, detail: detail)
        }
        if let until = try attempts.attempts(.face, accountID: account.id).lock(at: now) {
            let lock = try attempts.recordFailure(.face, accountID: account.id, limit: limit, event: event(.faceFailed, "locked"))
            throw FaceVerificationError.locked(until: lock ?? until)
        }
        // The permit may have been canceled or run out since registration: nothing is collected on it then.
        let permit = try registry.permit(number: account.permitNumber)
        switch permit?.standing(on: CalendarDay(containing: now)) {
        case .canceled?, nil: throw FaceVerificationError.permitCanceled
        case .expired?: throw FaceVerificationError.permitExpired
        case .valid?, .expiringSoon?: break
        }
        do {
            try PhotoLimits.check(photo)
            try verifier.verify(photo: photo, of: FaceSubject(permitNumber: account.permitNumber, fullName: account.fullName))
        } catch .missingPhoto {
            throw FaceVerificationError.missingPhoto  // nothing was tried, so nothing counts
        } catch {
            let lock = try attempts.recordFailure(.face, accountID: account.id, limit: limit, event: event(.faceFailed, "\(error)"))
            throw lock.map { FaceVerificationError.locked(until: $0) } ?? error
        }
        let holdsCard = try registry.socialSecurityCard(permitNumber: account.permitNumber) != nil
        let state: Account.State = holdsCard ? .pendingRealName : .active
        do {
            try accounts.recordFaceVerified(accountID: account.id, newState: state, collectedAt: holdsCard ? nil : now,
                                            event: event(.faceVerified))
        } catch AccountStoreError.locked(let until) {
            throw FaceVerificationError.locked(until: until)
        }
        return state
    }
}
