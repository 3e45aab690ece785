/// One checked row of a registry file.
public enum RegistryRecord: Sendable, Equatable {
    case permit(Permit)
    case socialSecurityCard(SocialSecurityCard)
    case bankCard(BankCard)
    case sim(SimRegistration)
}
