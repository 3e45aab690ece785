import Foundation

/// A portal account: one per work permit.
public struct Account: Sendable, Equatable {
    /// Where the account stands in the guide's registration steps.
    public enum State: String, Sendable {
        /// Signed up; facial recognition not done yet.
        case pendingFace = "pending_face"
        /// Face verified, but the holder has a physical card: real-name verification must follow.
        case pendingRealName = "pending_real_name"
        /// The e-Social Security Card is collected.
        case active
    }

    public var id: Int64
    public var permitNumber: String
    /// The passport name from the permit registry (not as typed), shown on the card.
    public var fullName: String
    public var passwordHash: String
    public var state: State
    public var createdAt: Date
    public var collectedAt: Date?
    /// How real-name verification was done, for holders of a physical card; nil for everyone else.
    public var realNameMethod: RealNameMethod?
    /// The phone an SMS code confirmed (real-name verification); password reset codes go to it.
    public var verifiedPhone: String?
    /// The Argon2id hash of the work-permit services PIN; nil until it is set on first use.
    public var pinHash: String?

    public init(id: Int64 = 0, permitNumber: String, fullName: String, passwordHash: String, state: State,
                createdAt: Date, collectedAt: Date? = nil, realNameMethod: RealNameMethod? = nil,
                verifiedPhone: String? = nil, pinHash: String? = nil) {
        self.id = id
        self.permitNumber = permitNumber
        self.fullName = fullName
        self.passwordHash = passwordHash
        self.state = state
        self.createdAt = createdAt
        self.collectedAt = collectedAt
        self.realNameMethod = realNameMethod
        self.verifiedPhone = verifiedPhone
        self.pinHash = pinHash
    }
}

/// The two ways of the guide's real-name verification.
public enum RealNameMethod: String, Sendable {
    case bankCard = "bank_card"
    case phone
}
