/// The registries the authorities own, as the portal reads them.
public protocol PermitRegistry: Sendable {
    func permit(number: String) throws -> Permit?
    func socialSecurityCard(permitNumber: String) throws -> SocialSecurityCard?
    func socialSecurityCard(ssNumber: String) throws -> SocialSecurityCard?
}

/// How registry files are written in development (CSV imports) and operator corrections are made.
public protocol RegistryStore: PermitRegistry {
    /// Writes every record in one transaction, replacing records with the same key.
    func upsert(_ batch: RegistryBatch) throws
    /// Marks a permit canceled; throws `RegistryError.unknownPermit` when there is none.
    func cancelPermit(number: String, reason: String) throws
}

/// One file's worth of records of one registry.
public enum RegistryBatch: Sendable, Equatable {
    case permits([Permit])
    case socialSecurityCards([SocialSecurityCard])
    case bankCards([BankCard])
    case sims([SimRegistration])

    public var count: Int {
        switch self {
        case .permits(let rows): rows.count
        case .socialSecurityCards(let rows): rows.count
        case .bankCards(let rows): rows.count
        case .sims(let rows): rows.count
        }
    }
}
