/// The registries the authorities own, as the portal reads them.
public protocol PermitRegistry: Sendable {
    func permit(number: String) throws -> Permit?
    func socialSecurityCard(permitNumber: String) throws -> SocialSecurityCard?
    func socialSecurityCard(ssNumber: String) throws -> SocialSecurityCard?
    /// A domestic UnionPay card by its digits (the banks' register, for the development real-name check).
    func bankCard(number: String) throws -> BankCard?
    /// A SIM card registration by its 11-digit number (the operators' register, likewise).
    func sim(phone: String) throws -> SimRegistration?
}
