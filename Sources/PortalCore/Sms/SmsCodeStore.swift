import Foundation

/// A code as stored: its MAC, never the code, bound to a purpose, a phone and the session (or password reset)
/// that asked for it.
public struct StoredSmsCode: Sendable, Equatable {
    public var id: Int64
    public var purpose: SmsPurpose
    public var accountID: Int64
    /// The SHA-256 of the session's (or the reset's) token.
    public var ownerDigest: String
    public var phone: String
    public var codeMAC: String
    public var sentAt: Date
    public var expiresAt: Date
    public var wrongEntries: Int
    public var usedAt: Date?

    public init(id: Int64 = 0, purpose: SmsPurpose, accountID: Int64, ownerDigest: String, phone: String,
                codeMAC: String, sentAt: Date, expiresAt: Date, wrongEntries: Int = 0, usedAt: Date? = nil) {
        self.id = id
        self.purpose = purpose
        self.accountID = accountID
        self.ownerDigest = ownerDigest
        self.phone = phone
        self.codeMAC = codeMAC
        self.sentAt = sentAt
        self.expiresAt = expiresAt
        self.wrongEntries = wrongEntries
        self.usedAt = usedAt
    }
}

/// Persistence of SMS codes. A code is consumed by the step it completes, in that step's own transaction
/// (e.g. `AccountStore.completeRealName`), so a code is used exactly once.
public protocol SmsCodeStore: Sendable {
    /// Stores a code about to be sent, in one transaction with the checks of `rules`: throws
    /// `SmsCodeError.wait(until:)` within the resend interval of the owner's last code for the same purposes,
    /// and `.tooManySends` beyond the sends allowed per phone per hour or per account per day.
    func insert(_ code: StoredSmsCode, rules: SmsCodeRules, samePurposes: [SmsPurpose]) throws -> Int64
    /// Takes back a code whose message could not be sent, so it neither works nor counts.
    func delete(codeID: Int64) throws
    /// The owner's newest code for any of `purposes`.
    func latestCode(ownerDigest: String, purposes: [SmsPurpose]) throws -> StoredSmsCode?
    /// Counts one entry of the code before it is compared, unless `maximum` entries were counted already (one
    /// statement, so parallel requests cannot all slip in under the limit); the entries so far, or nil when spent.
    func countEntry(codeID: Int64, maximum: Int) throws -> Int?
    /// Deletes the codes sent before `date` (they count for no limit any more).
    func deleteCodes(sentBefore date: Date) throws
}

/// How codes are made, kept and limited.
public struct SmsCodeRules: Sendable {
    public var digits = 6
    public var validity: TimeInterval = 10 * 60
    public var maximumWrongEntries = 5
    public var resendInterval: TimeInterval = 60
    public var sendsPerPhonePerHour = 5
    public var sendsPerAccountPerDay = 5

    public init() {}

    /// How long codes are kept for the limits to count them.
    public var retention: TimeInterval { 24 * 3600 }
}
