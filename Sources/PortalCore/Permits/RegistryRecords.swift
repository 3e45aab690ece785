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

/// A domestic UnionPay bank card and the phone listed when it was applied for.
public struct BankCard: Sendable, Equatable {
    public var cardNumber: String
    public var fullName: String
    public var passportNumber: String
    public var phone: String

    public init(cardNumber: String, fullName: String, passportNumber: String, phone: String) {
        self.cardNumber = cardNumber
        self.fullName = fullName
        self.passportNumber = passportNumber
        self.phone = phone
    }
}

/// A SIM card registered in China under a passport.
public struct SimRegistration: Sendable, Equatable {
    public var phone: String
    public var fullName: String
    public var passportNumber: String

    public init(phone: String, fullName: String, passportNumber: String) {
        self.phone = phone
        self.fullName = fullName
        self.passportNumber = passportNumber
    }
}
