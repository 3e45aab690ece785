import Foundation

/// A browser session as stored: only the digest of the cookie's token is kept.
public struct Session: Sendable, Equatable {
    public var tokenDigest: String
    /// nil before the visitor signs in (the session then only carries the CSRF token of the forms).
    public var accountID: Int64?
    public var createdAt: Date
    public var lastSeenAt: Date

    public init(tokenDigest: String, accountID: Int64?, createdAt: Date, lastSeenAt: Date) {
        self.tokenDigest = tokenDigest
        self.accountID = accountID
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A session just made: the token goes to the browser once, the record to the store.
public struct NewSession: Sendable, Equatable {
    public let token: String
    public let record: Session
}
