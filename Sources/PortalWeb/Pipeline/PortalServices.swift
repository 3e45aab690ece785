import PortalCore

/// The domain services the web layer calls, wired once at start-up from store protocols (never a concrete
/// database) and the chosen outside-service adapters.
public struct PortalServices: Sendable {
    public let sessions: SessionService
    public let login: LoginService
    public let registration: RegistrationService
    public let face: FaceVerificationService
    /// The key of the anonymous forms' CSRF tokens (and, later, of the MACs short codes are stored as).
    public let secret: ServerSecret

    public init(stores: PortalStores, faceVerifier: any FaceVerifier, hasher: PasswordHasher,
                policy: PasswordPolicy, clock: any PortalClock, secret: ServerSecret) throws {
        self.secret = secret
        sessions = SessionService(store: stores.sessions, clock: clock)
        login = try LoginService(registry: stores.registry, accounts: stores.accounts, attempts: stores.attempts,
                                 audit: stores.audit, sessions: sessions, hasher: hasher, clock: clock)
        registration = RegistrationService(registry: stores.registry, accounts: stores.accounts, sessions: sessions,
                                           hasher: hasher, policy: policy, clock: clock)
        face = FaceVerificationService(verifier: faceVerifier, registry: stores.registry, accounts: stores.accounts,
                                       attempts: stores.attempts, clock: clock)
    }
}
