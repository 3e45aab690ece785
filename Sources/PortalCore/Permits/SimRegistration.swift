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
