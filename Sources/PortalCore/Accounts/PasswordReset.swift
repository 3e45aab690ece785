import Foundation

/// A password reset in progress, behind its own cookie (the person is not signed in). It exists whether or not the
/// number typed has an account, so every number meets the same pages.
public struct PasswordReset: Sendable, Equatable {
    public var tokenDigest: String
    /// nil when the number typed has no account: the reset then goes through the same pages and never succeeds.
    public var accountID: Int64?
    public var createdAt: Date
    /// When a code was last asked for (for everyone alike, so the resend interval tells nothing).
    public var lastSentAt: Date
    public var wrongEntries: Int
    /// Set once the code or the face matched: the new password may then be set.
    public var verifiedAt: Date?

    public init(tokenDigest: String, accountID: Int64?, createdAt: Date, lastSentAt: Date, wrongEntries: Int = 0,
                verifiedAt: Date? = nil) {
        self.tokenDigest = tokenDigest
        self.accountID = accountID
        self.createdAt = createdAt
        self.lastSentAt = lastSentAt
        self.wrongEntries = wrongEntries
        self.verifiedAt = verifiedAt
    }
}

/// Persistence of password resets; each method is one transaction.
public protocol PasswordResetStore: Sendable {
    func insert(_ reset: PasswordReset) throws
    func reset(digest: String) throws -> PasswordReset?
    /// Counts a wrong code or face against the reset (one statement); returns the count after.
    func recordWrongEntry(digest: String) throws -> Int
    func recordSent(digest: String, at date: Date) throws
    /// Marks the reset verified, using up the SMS code `codeID` if one was the proof, and appends the event.
    /// Throws `SmsCodeError.used` when the code was used meanwhile.
    func markVerified(digest: String, codeID: Int64?, event: AuditEvent) throws
    /// Sets the new password (every session of the account ends) and deletes the reset, in one transaction.
    func completeReset(digest: String, accountID: Int64, hash: String, event: AuditEvent) throws
    func deleteResets(createdBefore date: Date) throws
}
