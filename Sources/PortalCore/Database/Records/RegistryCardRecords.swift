/// A row of `ss_cards`.
struct SocialSecurityCardRecord: SnakeCaseRecord {
    static let databaseTableName = "ss_cards"
    var ssNumber: String
    var permitNumber: String
    var fullName: String
    var passportNumber: String

    init(_ card: SocialSecurityCard) {
        ssNumber = card.ssNumber
        permitNumber = card.permitNumber
        fullName = card.fullName
        passportNumber = card.passportNumber
    }

    var card: SocialSecurityCard {
        SocialSecurityCard(ssNumber: ssNumber, permitNumber: permitNumber, fullName: fullName,
                           passportNumber: passportNumber)
    }
}

/// A row of `bank_cards`.
struct BankCardRecord: SnakeCaseRecord {
    static let databaseTableName = "bank_cards"
    var cardNumber: String
    var fullName: String
    var passportNumber: String
    var phone: String

    init(_ card: BankCard) {
        cardNumber = card.cardNumber
        fullName = card.fullName
        passportNumber = card.passportNumber
        phone = card.phone
    }
}

/// A row of `sims`.
struct SimRecord: SnakeCaseRecord {
    static let databaseTableName = "sims"
    var phone: String
    var fullName: String
    var passportNumber: String

    init(_ sim: SimRegistration) {
        phone = sim.phone
        fullName = sim.fullName
        passportNumber = sim.passportNumber
    }
}
