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
