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
