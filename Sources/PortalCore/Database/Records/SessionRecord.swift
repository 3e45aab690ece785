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

    /// The columns `init(row:from:)` reads, in its order.
    static let columns = ["token_digest", "account_id", "created_at", "last_seen_at", "permit_unlocked_until"]

    /// Read by position, from `first` on (see `AccountRecord.init(row:from:)`).
    init(row: Row, from first: Int) {
        tokenDigest = row[first]
        accountId = row[first + 1]
        createdAt = row[first + 2]
        lastSeenAt = row[first + 3]
        permitUnlockedUntil = row[first + 4]
    }

    var session: Session {
        Session(tokenDigest: tokenDigest, accountID: accountId, createdAt: createdAt, lastSeenAt: lastSeenAt,
                permitServicesUntil: permitUnlockedUntil)
    }
}
