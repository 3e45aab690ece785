import Foundation
import GRDB

/// A row of `sessions`.
struct SessionRecord: SnakeCaseRecord {
    static let databaseTableName = "sessions"
    var tokenDigest: String
    var accountId: Int64?
    var createdAt: Date
    var lastSeenAt: Date
    var permitUnlockedUntil: Date?

    init(_ session: Session) {
        tokenDigest = session.tokenDigest
        accountId = session.accountID
        createdAt = session.createdAt
        lastSeenAt = session.lastSeenAt
        permitUnlockedUntil = session.permitServicesUntil
    }

    /// Read by column, not through Codable (every page view reads a session).
    init(row: Row) {
        tokenDigest = row["token_digest"]
        accountId = row["account_id"]
        createdAt = row["created_at"]
        lastSeenAt = row["last_seen_at"]
        permitUnlockedUntil = row["permit_unlocked_until"]
    }

    var session: Session {
        Session(tokenDigest: tokenDigest, accountID: accountId, createdAt: createdAt, lastSeenAt: lastSeenAt,
                permitServicesUntil: permitUnlockedUntil)
    }
}
