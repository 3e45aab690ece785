import Foundation

/// Persistence of accounts. Every method that changes something is one transaction, audit events included,
/// and decides on the rows as they are inside that transaction, so parallel requests cannot slip past a lock.
public protocol AccountStore: Sendable {
    func account(id: Int64) throws -> Account?
    func account(permitNumber: String) throws -> Account?

    /// Inserts a new account and signs the visitor in to it ("Sign up and Login"): an account of the same permit
    /// still waiting for facial recognition is replaced, a new session is stored for it, the event is appended.
    /// Throws `AccountStoreError.duplicatePermit` when the permit has an account past that step.
    func create(_ account: Account, session: NewSession, event: AuditEvent) throws -> Account

    /// Resets the failure count and stores a new session (a new id) bound to the account.
    /// Throws `AccountStoreError.locked` when a lock set by a parallel request is in force, and
    /// `.noSuchAccount` when the account was replaced by a new registration meanwhile.
    func recordLogin(accountID: Int64, session: NewSession, event: AuditEvent) throws

    /// Records a passed facial recognition: the new state and, once the card is collected, the date.
    /// Throws `AccountStoreError.locked` when a lock set by a parallel request is in force.
    func recordFaceVerified(accountID: Int64, newState: Account.State, collectedAt: Date?, event: AuditEvent) throws
}
