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
