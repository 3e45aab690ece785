import Foundation
import PortalCore

/// The domain services the web layer calls, wired once at start-up from store protocols (never a concrete
/// database) and the chosen outside-service adapters.
public struct PortalServices: Sendable {
    public let sessions: SessionService
    public let login: LoginService
    public let registration: RegistrationService
    public let face: FaceVerificationService
    public let codes: SmsCodeService
    public let realName: RealNameService
    public let passwordChange: PasswordChangeService
    public let passwordReset: PasswordResetService
    public let permitServices: PermitServicesService
    public let qr: QRVerification
    public let reminders: ReminderService
    /// The development gateway's messages; nil with a real gateway.
    public let outbox: (any SmsOutbox)?
    public let clock: any PortalClock
    /// The key of the anonymous forms' CSRF tokens (and, later, of the MACs short codes are stored as).
    public let secret: ServerSecret

    public init(stores: PortalStores, outside: OutsideServices, hasher: PasswordHasher,
                policy: PasswordPolicy, clock: any PortalClock, secret: ServerSecret, smsTexts: any SmsTexts,
                qrSigner: PermitTokenSigner, reminderTexts: any ReminderTexts) throws {
        self.secret = secret
        self.clock = clock
        outbox = outside.outbox
        sessions = SessionService(store: stores.sessions, clock: clock)
        // Login and password change check the same password against the same count: one check at a time for both.
        let passwordChecks = SecretChecks(stepAside: hasher.stepAside)
        login = try LoginService(registry: stores.registry, accounts: stores.accounts, attempts: stores.attempts,
                                 audit: stores.audit, sessions: sessions, hasher: hasher, secret: secret, clock: clock,
                                 checks: passwordChecks)
        registration = RegistrationService(registry: stores.registry, accounts: stores.accounts, sessions: sessions,
                                           hasher: hasher, policy: policy, clock: clock)
        face = FaceVerificationService(verifier: outside.face, registry: stores.registry, accounts: stores.accounts,
                                       attempts: stores.attempts, clock: clock)
        codes = SmsCodeService(store: stores.smsCodes, gateway: outside.sms, texts: smsTexts, secret: secret, clock: clock)
        realName = RealNameService(registry: stores.registry, bankCards: outside.bankCards, phones: outside.phones,
                                   codes: codes, accounts: stores.accounts, attempts: stores.attempts, clock: clock)
        passwordChange = PasswordChangeService(accounts: stores.accounts, attempts: stores.attempts,
                                               registry: stores.registry, sessions: sessions, hasher: hasher,
                                               policy: policy, clock: clock, checks: passwordChecks)
        passwordReset = PasswordResetService(resets: stores.passwordResets, accounts: stores.accounts,
                                             attempts: stores.attempts, audit: stores.audit, registry: stores.registry,
                                             codes: codes, faces: outside.face, hasher: hasher, policy: policy,
                                             clock: clock)
        permitServices = PermitServicesService(store: stores.permitServices, attempts: stores.attempts,
                                               registry: stores.registry, audit: stores.audit, hasher: hasher,
                                               clock: clock)
        qr = QRVerification(signer: qrSigner, store: stores.permitServices, registry: stores.registry, clock: clock)
        reminders = ReminderService(store: stores.reminders, gateway: outside.sms, texts: reminderTexts, clock: clock)
    }
}

/// The authorities' services the portal calls, as chosen at start-up (development adapters or real ones).
public struct OutsideServices: Sendable {
    public let face: any FaceVerifier
    public let sms: any SmsGateway
    public let bankCards: any BankCardVerifier
    public let phones: any PhoneOwnerVerifier
    public let outbox: (any SmsOutbox)?

    public init(face: any FaceVerifier, sms: any SmsGateway, bankCards: any BankCardVerifier,
                phones: any PhoneOwnerVerifier, outbox: (any SmsOutbox)?) {
        self.face = face
        self.sms = sms
        self.bankCards = bankCards
        self.phones = phones
        self.outbox = outbox
    }

    /// Every development adapter: face check by image structure, SMS to the outbox file, real-name checks
    /// against the registries imported from CSV.
    public static func development(dataDirectory: URL, registry: any PermitRegistry) -> OutsideServices {
        let gateway = DevelopmentSmsGateway(dataDirectory: dataDirectory)
        let realName = DevelopmentRealNameVerifiers(registry: registry)
        return OutsideServices(face: DevelopmentFaceVerifier(), sms: gateway, bankCards: realName, phones: realName,
                               outbox: gateway)
    }
}
