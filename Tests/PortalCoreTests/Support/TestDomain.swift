import Foundation
import PortalTestSupport
@testable import PortalCore

/// The domain services on a fresh in-memory database holding the fixture registries, driven by a manual clock.
struct TestDomain {
    let database: AppDatabase
    let clock: ManualClock
    let gate: HashingGate
    let hasher: PasswordHasher
    let sessions: SessionService
    let secret = ServerSecret.random()

    init(clock: ManualClock = ManualClock()) throws {
        database = try AppDatabase.inMemory()
        self.clock = clock
        gate = HashingGate(concurrentHashes: 1, maximumWait: .milliseconds(50))
        hasher = Fixtures.cheapHasher(gate: gate)
        sessions = SessionService(store: database, clock: clock)
        let importer = RegistryImporter(store: database)
        try importer.importFile(Fixtures.permitsCSV, as: .permits)
        try importer.importFile(Fixtures.cardsCSV, as: .ssCards)
        try importer.importFile(Fixtures.bankCardsCSV, as: .bankCards)
        try importer.importFile(Fixtures.simsCSV, as: .sims)
    }

    /// Real-name verification with the development checks over the fixture registries, sending through `gateway`.
    func realName(_ gateway: any SmsGateway, texts: any SmsTexts) -> (RealNameService, SmsCodeService) {
        let codes = SmsCodeService(store: database, gateway: gateway, texts: texts, secret: .random(), clock: clock)
        let checks = DevelopmentRealNameVerifiers(registry: database)
        return (RealNameService(registry: database, bankCards: checks, phones: checks, codes: codes, accounts: database,
                                attempts: database, clock: clock), codes)
    }

    var registration: RegistrationService {
        RegistrationService(registry: database, accounts: database, sessions: sessions, hasher: hasher,
                            policy: Fixtures.policy, clock: clock)
    }

    func login() throws -> LoginService {
        try LoginService(registry: database, accounts: database, attempts: database, audit: database, sessions: sessions,
                         hasher: hasher, secret: secret, clock: clock)
    }

    func faceVerification(_ verifier: any FaceVerifier = DevelopmentFaceVerifier()) -> FaceVerificationService {
        FaceVerificationService(verifier: verifier, registry: database, accounts: database, attempts: database,
                                clock: clock)
    }

    /// Signs up the holder of `permit` with the fixture password; the account then waits for facial recognition.
    @discardableResult
    func register(_ permit: String = Fixtures.anna, name: String = "ANNA SCHMIDT") throws -> Account {
        let form = RegistrationForm(fullName: name, permitNumber: permit, password: Fixtures.password,
                                    passwordConfirm: Fixtures.password)
        return try registration.register(form, remoteAddress: "127.0.0.1").account
    }

    /// A stored session of Anna's account (registered on first use), as signing in leaves one.
    func startSession() throws -> NewSession {
        let account = try database.account(permitNumber: Fixtures.anna) ?? register()
        let session = sessions.makeSession(accountID: account.id)
        try database.insert(session.record)
        return session
    }

    /// An account that has passed facial recognition (active, or waiting for real-name verification).
    @discardableResult
    func registerAndVerifyFace(_ permit: String = Fixtures.anna, name: String = "ANNA SCHMIDT") throws -> Account {
        let account = try register(permit, name: name)
        _ = try faceVerification().verify(accountID: account.id, photo: TestImages.png(width: 64, height: 64),
                                          remoteAddress: nil)
        return try database.account(id: account.id)!
    }
}
