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

    /// Completes real-name verification in one transaction: the SMS code `codeID` is used up, the account becomes
    /// active with the method, the confirmed phone and the time, and the event is appended. Throws
    /// `SmsCodeError.used` when the code was used meanwhile, `.noSuchAccount` when the account is not waiting for it.
    func completeRealName(accountID: Int64, method: RealNameMethod, phone: String, codeID: Int64, event: AuditEvent) throws

    /// Sets a new password hash in one transaction: every session of the account ends, the login count starts
    /// again, `signingIn` (when given) becomes the account's only session, and the event is appended.
    /// Throws `AccountStoreError.noSuchAccount` when the account is gone.
    func replacePassword(accountID: Int64, hash: String, signingIn session: NewSession?, event: AuditEvent) throws
}
