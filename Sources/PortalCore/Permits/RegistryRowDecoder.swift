/// The rules each registry's columns follow, applied row by row.
enum RegistryRowDecoder {
    static let permitNumberLength = 6...20
    static let phoneLength = 11...11
    static let cardNumberLength = 16...19

    static func record(of kind: RegistryKind, from row: RegistryRow) throws(RegistryError) -> RegistryRecord {
        switch kind {
        case .permits: .permit(try permit(row))
        case .ssCards: .socialSecurityCard(try card(row))
        case .bankCards: .bankCard(try bankCard(row))
        case .sims: .sim(try sim(row))
        }
    }

    static func permit(_ row: RegistryRow) throws(RegistryError) -> Permit {
        let issued = try row.day("issue_date")
        let validUntil = try row.day("valid_until")
        guard issued <= validUntil else {
            throw .invalidValue(line: row.line, column: "valid_until", reason: "is before issue_date")
        }
        return Permit(
            number: try row.identifier("permit_number", length: permitNumberLength),
            fullName: try row.text("full_name"),
            passportNumber: try row.identifier("passport_number"),
            nationality: try row.text("nationality"),
            dateOfBirth: try row.day("date_of_birth"),
            sex: try row.oneOf("sex", ["m", "f", "x"]).uppercased(),
            employer: try row.text("employer"),
            position: try row.text("position"),
            workLocation: try row.text("work_location"),
            issueDate: issued,
            validUntil: validUntil,
            status: try row.oneOf("status", Permit.Status.self)
        )
    }

    static func card(_ row: RegistryRow) throws(RegistryError) -> SocialSecurityCard {
        SocialSecurityCard(ssNumber: try row.identifier("ss_number"),
                           permitNumber: try row.identifier("permit_number", length: permitNumberLength),
                           fullName: try row.text("full_name"),
                           passportNumber: try row.identifier("passport_number"))
    }

    static func bankCard(_ row: RegistryRow) throws(RegistryError) -> BankCard {
        BankCard(cardNumber: try row.digits("card_number", length: cardNumberLength),
                 fullName: try row.text("full_name"),
                 passportNumber: try row.identifier("passport_number"),
                 phone: try row.digits("phone", length: phoneLength))
    }

    static func sim(_ row: RegistryRow) throws(RegistryError) -> SimRegistration {
        SimRegistration(phone: try row.digits("phone", length: phoneLength),
                        fullName: try row.text("full_name"),
                        passportNumber: try row.identifier("passport_number"))
    }
}
