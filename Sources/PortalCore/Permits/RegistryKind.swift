/// The four registries that can be imported, with the columns their files must have.
public enum RegistryKind: String, Sendable, CaseIterable {
    case permits
    case ssCards = "ss-cards"
    case bankCards = "bank-cards"
    case sims

    public var columns: [String] {
        switch self {
        case .permits:
            ["permit_number", "full_name", "passport_number", "nationality", "date_of_birth", "sex", "employer",
             "position", "work_location", "issue_date", "valid_until", "status"]
        case .ssCards: ["ss_number", "permit_number", "full_name", "passport_number"]
        case .bankCards: ["card_number", "full_name", "passport_number", "phone"]
        case .sims: ["phone", "full_name", "passport_number"]
        }
    }

    /// The column that identifies a record: importing a record with a known key replaces it.
    public var keyColumn: String { columns[0] }
}
