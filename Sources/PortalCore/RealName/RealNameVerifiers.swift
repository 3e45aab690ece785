/// Whom a real-name check must confirm: the permit holder, as the permit registry knows them.
public struct RealNameHolder: Sendable, Equatable {
    public let fullName: String
    public let passportNumber: String

    public init(fullName: String, passportNumber: String) {
        self.fullName = fullName
        self.passportNumber = passportNumber
    }
}

/// The bank's four-element check: do this domestic UnionPay card, name, passport and phone belong together?
public protocol BankCardVerifier: Sendable {
    func confirms(cardNumber: String, phone: String, holder: RealNameHolder) throws(RealNameCheckError) -> Bool
}

/// The mobile operator's real-name check: is this number registered for a SIM card under the holder's passport?
public protocol PhoneOwnerVerifier: Sendable {
    func confirms(phone: String, holder: RealNameHolder) throws(RealNameCheckError) -> Bool
}

public enum RealNameCheckError: Error, Equatable, Sendable {
    /// The outside service could not be asked; the detail is for the log.
    case unavailable(String)
}

/// Development stand-ins backed by the bank-cards and sims registries (imported from CSV): they answer as the
/// bank and the operator would, confirming only what the registry holds for exactly that holder.
public struct DevelopmentRealNameVerifiers: BankCardVerifier, PhoneOwnerVerifier {
    private let registry: any PermitRegistry

    public init(registry: any PermitRegistry) {
        self.registry = registry
    }

    public func confirms(cardNumber: String, phone: String, holder: RealNameHolder) throws(RealNameCheckError) -> Bool {
        let card: BankCard?
        do { card = try registry.bankCard(number: cardNumber) } catch { throw .unavailable("\(error)") }
        guard let card else { return false }
        return card.phone == phone && Self.sameHolder(card.fullName, card.passportNumber, holder)
    }

    public func confirms(phone: String, holder: RealNameHolder) throws(RealNameCheckError) -> Bool {
        let sim: SimRegistration?
        do { sim = try registry.sim(phone: phone) } catch { throw .unavailable("\(error)") }
        guard let sim else { return false }
        return Self.sameHolder(sim.fullName, sim.passportNumber, holder)
    }

    private static func sameHolder(_ name: String, _ passport: String, _ holder: RealNameHolder) -> Bool {
        NameMatcher.matches(typed: name, registered: holder.fullName)
            && TextLimits.identifier(passport) == TextLimits.identifier(holder.passportNumber)
    }
}
