import Foundation

/// A row of `sessions`.
struct SessionRecord: SnakeCaseRecord {
    static let databaseTableName = "sessions"
    var tokenDigest: String
    var accountId: Int64?
    var createdAt: Date
    var lastSeenAt: Date

    init(_ session: Session) {
        tokenDigest = session.tokenDigest
        accountId = session.accountID
        createdAt = session.createdAt
        lastSeenAt = session.lastSeenAt
    }

    var session: Session {
        Session(tokenDigest: tokenDigest, accountID: accountId, createdAt: createdAt, lastSeenAt: lastSeenAt)
    }
}
