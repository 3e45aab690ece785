/// A physical Social Security Card as the ss-cards registry holds it.
public struct SocialSecurityCard: Sendable, Equatable {
    public var ssNumber: String
    public var permitNumber: String
    public var fullName: String
    public var passportNumber: String

    public init(ssNumber: String, permitNumber: String, fullName: String, passportNumber: String) {
        self.ssNumber = ssNumber
        self.permitNumber = permitNumber
        self.fullName = fullName
        self.passportNumber = passportNumber
    }
}
