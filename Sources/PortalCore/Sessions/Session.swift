import Foundation

/// A browser session as stored: only the digest of the cookie's token is kept.
public struct Session: Sendable, Equatable {
    public var tokenDigest: String
    /// nil before the visitor signs in (the session then only carries the CSRF token of the forms).
    public var accountID: Int64?
    public var createdAt: Date
    public var lastSeenAt: Date
    /// Work-permit services are unlocked (the PIN was set or entered) until then.
    public var permitServicesUntil: Date?
    /// Reminders the signed-in account has not read yet (the banner of every signed-in page).
    public var unreadReminders = 0
    /// The signed-in account, read with the session so that a page view costs one database read.
    public var account: Account?

    public init(tokenDigest: String, accountID: Int64?, createdAt: Date, lastSeenAt: Date, account: Account? = nil,
                permitServicesUntil: Date? = nil) {
        self.permitServicesUntil = permitServicesUntil
        self.tokenDigest = tokenDigest
        self.accountID = accountID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.account = account
    }
}
