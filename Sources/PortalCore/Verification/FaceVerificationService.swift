import Foundation

/// Step 5 of the guide: facial recognition finishes registration. Holders of a physical Social Security Card
/// still need real-name verification afterwards; everyone else has collected the e-card.
public struct FaceVerificationService: Sendable {
    private let verifier: any FaceVerifier
    private let registry: any PermitRegistry
    private let accounts: any AccountStore
    private let clock: any PortalClock
    private let limit: AttemptLimit

    public init(verifier: any FaceVerifier, registry: any PermitRegistry, accounts: any AccountStore,
                clock: any PortalClock, limit: AttemptLimit = AttemptLimit()) {
        self.verifier = verifier
        self.registry = registry
        self.accounts = accounts
        self.clock = clock
        self.limit = limit
    }

    /// Checks `photo` for the account and records the outcome; returns the account's new state.
    public func verify(accountID: Int64, photo: [UInt8], remoteAddress: String?) throws -> Account.State {
        guard let account = try accounts.account(id: accountID) else { throw FaceVerificationError.serviceUnavailable }
        guard account.state == .pendingFace else { return account.state }
        let now = clock.now()
        if limit.isLocked(until: account.faceLockedUntil, at: now), let until = account.faceLockedUntil {
            throw FaceVerificationError.locked(until: until)
        }
        let subject = FaceSubject(permitNumber: account.permitNumber, fullName: account.fullName)
        do {
            try verifier.verify(photo: photo, of: subject)
        } catch .missingPhoto {
            throw FaceVerificationError.missingPhoto  // nothing was tried, so nothing counts
        } catch {
            try recordFailure(error, of: account, at: now, remoteAddress: remoteAddress)
        }
        let holdsCard = try registry.socialSecurityCard(permitNumber: account.permitNumber) != nil
        let state: Account.State = holdsCard ? .pendingRealName : .active
        let event = AuditEvent(.faceVerified, at: now, accountID: account.id, remoteAddress: remoteAddress)
        try accounts.recordFaceAttempt(accountID: account.id,
                                       outcome: .verified(newState: state, collectedAt: holdsCard ? nil : now),
                                       events: [event])
        return state
    }

    private func recordFailure(_ error: FaceVerificationError, of account: Account, at now: Date,
                               remoteAddress: String?) throws -> Never {
        let failures = account.failedFaceAttempts + 1
        let lock = limit.lock(afterFailures: failures, at: now)
        var events = [AuditEvent(.faceFailed, at: now, accountID: account.id, remoteAddress: remoteAddress,
                                 detail: "\(error)")]
        if lock != nil { events.append(AuditEvent(.faceLocked, at: now, accountID: account.id, remoteAddress: remoteAddress)) }
        try accounts.recordFaceAttempt(accountID: account.id,
                                       outcome: .failed(failures: lock == nil ? failures : 0, lockedUntil: lock),
                                       events: events)
        if let lock { throw FaceVerificationError.locked(until: lock) }
        throw error
    }
}
