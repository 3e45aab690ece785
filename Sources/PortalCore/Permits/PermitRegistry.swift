/// The registries the authorities own, as the portal reads them.
public protocol PermitRegistry: Sendable {
    func permit(number: String) throws -> Permit?
    func socialSecurityCard(permitNumber: String) throws -> SocialSecurityCard?
    func socialSecurityCard(ssNumber: String) throws -> SocialSecurityCard?
}
