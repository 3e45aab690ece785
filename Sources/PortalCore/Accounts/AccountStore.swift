import Foundation

/// Persistence of accounts. Every method that changes something is one transaction, audit event included.
public protocol AccountStore: Sendable {
    func account(id: Int64) throws -> Account?
    func account(permitNumber: String) throws -> Account?

    /// Inserts a new account and signs the visitor in to it ("Sign up and Login"): the account, the session
    /// moved to a new id and the event, in one transaction. Throws `AccountStoreError.duplicatePermit`.
    func create(_ account: Account, session: NewSession, replacingSession oldTokenDigest: String?,
                event: AuditEvent) throws -> Account

    /// Records a refused login of a known account: the new consecutive-failure count and lock, with their events.
    func updateLoginFailures(accountID: Int64, failures: Int, lockedUntil: Date?, events: [AuditEvent]) throws

    /// Resets the failure count and moves the visitor's session to a new id bound to the account.
    func recordLogin(accountID: Int64, session: NewSession, replacingSession oldTokenDigest: String?,
                     event: AuditEvent) throws

    /// Records a facial-recognition outcome: the new state (on success) or failure count and lock.
    func recordFaceAttempt(accountID: Int64, outcome: FaceAttemptOutcome, events: [AuditEvent]) throws
}

/// What a facial-recognition attempt changes on the account.
public enum FaceAttemptOutcome: Sendable, Equatable {
    case verified(newState: Account.State, collectedAt: Date?)
    case failed(failures: Int, lockedUntil: Date?)
}

public enum AccountStoreError: Error, Equatable {
    case duplicatePermit
}
