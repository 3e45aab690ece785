import PortalCore

/// The domain services the web layer calls, wired once at start-up.
public struct PortalServices: Sendable {
    public let sessions: SessionService
    public let login: LoginService
    public let registration: RegistrationService
    public let face: FaceVerificationService
    /// The key of the anonymous forms' CSRF tokens (and, later, of the MACs short codes are stored as).
    public let secret: ServerSecret

    /// Wires every service to `database` and the chosen outside-service adapters.
    public init(database: AppDatabase, faceVerifier: any FaceVerifier, hasher: PasswordHasher,
                policy: PasswordPolicy, clock: any PortalClock, secret: ServerSecret) throws {
        self.secret = secret
        sessions = SessionService(store: database, clock: clock)
        login = try LoginService(registry: database, accounts: database, audit: database, sessions: sessions,
                                 hasher: hasher, clock: clock)
        registration = RegistrationService(registry: database, accounts: database, sessions: sessions, hasher: hasher,
                                           policy: policy, clock: clock)
        face = FaceVerificationService(verifier: faceVerifier, registry: database, accounts: database, clock: clock)
    }
}
