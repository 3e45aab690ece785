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

extension SimRecord {
    var sim: SimRegistration { SimRegistration(phone: phone, fullName: fullName, passportNumber: passportNumber) }
}
