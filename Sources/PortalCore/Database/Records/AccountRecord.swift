import Foundation
import GRDB

/// A row of `accounts`.
struct AccountRecord: SnakeCaseRecord {
    static let databaseTableName = "accounts"

    var id: Int64?
    var permitNumber: String
    var fullName: String
    var passwordHash: String
    var state: String
    var createdAt: Date
    var collectedAt: Date?
    var realNameMethod: String?
    var verifiedPhone: String?
    var pinHash: String?

    init(_ account: Account) {
        id = account.id == 0 ? nil : account.id
        permitNumber = account.permitNumber
        fullName = account.fullName
        passwordHash = account.passwordHash
        state = account.state.rawValue
        createdAt = account.createdAt
        collectedAt = account.collectedAt
        realNameMethod = account.realNameMethod?.rawValue
        verifiedPhone = account.verifiedPhone
        pinHash = account.pinHash
    }

    /// Read by column, not through Codable: the account is read on every signed-in page view, and the
    /// Codable path was a tenth of its cost.
    init(row: Row) {
        id = row["id"]
        permitNumber = row["permit_number"]
        fullName = row["full_name"]
        passwordHash = row["password_hash"]
        state = row["state"]
        createdAt = row["created_at"]
        collectedAt = row["collected_at"]
        realNameMethod = row["real_name_method"]
        verifiedPhone = row["verified_phone"]
        pinHash = row["pin_hash"]
    }

    /// The columns `init(row:from:)` reads, in its order.
    static let columns = ["id", "permit_number", "full_name", "password_hash", "state", "created_at", "collected_at",
                          "real_name_method", "verified_phone", "pin_hash"]

    /// Read by position, from `first` on, in a query that selects `columns` there: no column is looked up by name,
    /// which GRDB does case-insensitively (a `lowercased()` of every name on every signed-in page view).
    init(row: Row, from first: Int) {
        id = row[first]
        permitNumber = row[first + 1]
        fullName = row[first + 2]
        passwordHash = row[first + 3]
        state = row[first + 4]
        createdAt = row[first + 5]
        collectedAt = row[first + 6]
        realNameMethod = row[first + 7]
        verifiedPhone = row[first + 8]
        pinHash = row[first + 9]
    }

    var account: Account? {
        guard let id, let state = Account.State(rawValue: state) else { return nil }
        return Account(id: id, permitNumber: permitNumber, fullName: fullName, passwordHash: passwordHash,
                       state: state, createdAt: createdAt, collectedAt: collectedAt,
                       realNameMethod: realNameMethod.flatMap(RealNameMethod.init(rawValue:)), verifiedPhone: verifiedPhone,
                       pinHash: pinHash)
    }
}
