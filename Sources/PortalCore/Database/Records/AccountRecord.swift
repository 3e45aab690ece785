import Foundation

/// A row of `accounts`.
struct AccountRecord: SnakeCaseRecord {
    static let databaseTableName = "accounts"

    var id: Int64?
    var permitNumber: String
    var fullName: String
    var passwordHash: String
    var state: String
    var failedLogins: Int
    var lockedUntil: Date?
    var failedFaceAttempts: Int
    var faceLockedUntil: Date?
    var createdAt: Date
    var collectedAt: Date?

    init(_ account: Account) {
        id = account.id == 0 ? nil : account.id
        permitNumber = account.permitNumber
        fullName = account.fullName
        passwordHash = account.passwordHash
        state = account.state.rawValue
        failedLogins = account.failedLogins
        lockedUntil = account.lockedUntil
        failedFaceAttempts = account.failedFaceAttempts
        faceLockedUntil = account.faceLockedUntil
        createdAt = account.createdAt
        collectedAt = account.collectedAt
    }

    var account: Account? {
        guard let id, let state = Account.State(rawValue: state) else { return nil }
        return Account(id: id, permitNumber: permitNumber, fullName: fullName, passwordHash: passwordHash,
                       state: state, failedLogins: failedLogins, lockedUntil: lockedUntil,
                       failedFaceAttempts: failedFaceAttempts, faceLockedUntil: faceLockedUntil,
                       createdAt: createdAt, collectedAt: collectedAt)
    }
}
