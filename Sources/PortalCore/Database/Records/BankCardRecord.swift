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

extension BankCardRecord {
    var card: BankCard { BankCard(cardNumber: cardNumber, fullName: fullName, passportNumber: passportNumber, phone: phone) }
}
