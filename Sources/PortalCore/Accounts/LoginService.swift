import Foundation

/// Login by work-permit number or social-security number with the password (guide section 3),
/// with five consecutive failures locking the account for fifteen minutes.
public struct LoginService: Sendable {
    /// What the person typed to say who they are.
    public enum Identifier: Sendable, Equatable {
        case permitNumber(String)
        case socialSecurityNumber(String)

        /// The account the number names: by permit number, or through the card registry by social security number.
        func account(in accounts: any AccountStore, registry: any PermitRegistry) throws -> Account? {
            switch self {
            case .permitNumber(let typed):
                return try accounts.account(permitNumber: TextLimits.identifier(typed))
            case .socialSecurityNumber(let typed):
                guard let card = try registry.socialSecurityCard(ssNumber: TextLimits.identifier(typed)) else { return nil }
                return try accounts.account(permitNumber: card.permitNumber)
            }
        }

        var isEmpty: Bool {
            switch self {
            case .permitNumber(let number), .socialSecurityNumber(let number): TextLimits.collapsingSpaces(number).isEmpty
            }
        }

        /// What the typed count is kept under (before its MAC): which field, and the number as registries store it.
        var countingKey: String {
            switch self {
            case .permitNumber: "permit|\(typed)"
            case .socialSecurityNumber: "ss|\(typed)"
            }
        }

        /// What was typed, as registries store numbers (for the audit log).
        var typed: String {
            switch self {
            case .permitNumber(let number), .socialSecurityNumber(let number):
                String(TextLimits.identifier(number).prefix(TextLimits.maximumFieldLength))
            }
        }
    }

    private let registry: any PermitRegistry
    private let accounts: any AccountStore
    private let attempts: any AttemptStore
    private let audit: any AuditLog
    private let sessions: SessionService
    private let hasher: PasswordHasher
    private let clock: any PortalClock
    private let limit: AttemptLimit
    /// Keys the count of what was typed, so the table holds MACs, never the numbers.
    private let secret: ServerSecret
    /// A hash to verify against when no real one may be used, so every refusal takes as long as a wrong password.
    private let decoyHash: String
    /// One password check per account at a time, shared with the password change (the same count).
    private let checks: SecretChecks

    public init(registry: any PermitRegistry, accounts: any AccountStore, attempts: any AttemptStore, audit: any AuditLog,
                sessions: SessionService, hasher: PasswordHasher, secret: ServerSecret, clock: any PortalClock,
                limit: AttemptLimit = AttemptLimit(), checks: SecretChecks = SecretChecks()) throws {
        self.secret = secret
        self.checks = checks
        self.registry = registry
        self.accounts = accounts
        self.attempts = attempts
        self.audit = audit
        self.sessions = sessions
        self.hasher = hasher
        self.clock = clock
        self.limit = limit
        decoyHash = try hasher.hash(SecureToken.generate())
    }

    /// Forgets the counts of typed numbers that have been quiet for a lock's length (`portal serve`'s chores).
    public func pruneTypedAttempts() throws {
        try attempts.pruneTypedAttempts(quietSince: clock.now().addingTimeInterval(-limit.lockDuration))
    }

    /// Signs the person in with a new session (a new id, never one the browser brought) bound to the account.
    public func logIn(_ identifier: Identifier, password: String, remoteAddress: String?) throws -> (account: Account, session: NewSession) {
        try checkFilledIn(identifier, password: password)
        let found = try account(for: identifier)
        // Failures are counted per typed number as well, so a number without an account locks like one with:
        // six wrong logins tell nothing about which numbers have accounts.
        let typedKey = secret.mac(identifier.countingKey, purpose: "typed identifier")
        return try checks.one(for: found.map { "password \($0.id)" } ?? "typed \(typedKey)") {
            // Read again once the turn is ours: a check that waited must see a password changed meanwhile.
            try check(identifier, found: found == nil ? nil : try account(for: identifier), typedKey: typedKey,
                      password: password, remoteAddress: remoteAddress)
        }
    }

    /// The lock, the password and the sign-in, once no other check for the account is under way.
    private func check(_ identifier: Identifier, found: Account?, typedKey: String, password: String,
                       remoteAddress: String?) throws -> (account: Account, session: NewSession) {
        let now = clock.now()
        func event(_ kind: AuditEvent.Kind, _ account: Account?, _ detail: String? = nil) -> AuditEvent {
            AuditEvent(kind, at: now, accountID: account?.id, subject: account == nil ? identifier.typed : nil,
                       remoteAddress: remoteAddress, detail: detail)
        }
        if let until = try attempts.typedAttempts(.login, key: typedKey).lock(at: now) {
            _ = try hasher.verify(password, against: decoyHash)
            try audit.append(event(.loginFailed, found, "locked (number typed)"))
            throw LoginError.locked(until: until)
        }
        guard let account = found else {
            _ = try hasher.verify(password, against: decoyHash)
            try audit.append(event(.loginFailed, nil, "no such account"))
            let lock = try attempts.recordTypedFailure(.login, key: typedKey, limit: limit, at: now)
            throw lock.map { LoginError.locked(until: $0) } ?? LoginError.incorrect
        }
        if let until = try attempts.attempts(.login, accountID: account.id).lock(at: now) {
            _ = try hasher.verify(password, against: decoyHash)
            let lock = try attempts.recordFailure(.login, accountID: account.id, limit: limit,
                                                  event: event(.loginFailed, account, "locked"))
            throw LoginError.locked(until: lock ?? until)
        }
        guard try hasher.verify(password, against: account.passwordHash) else {
            let lock = try attempts.recordFailure(.login, accountID: account.id, limit: limit,
                                                  event: event(.loginFailed, account, "wrong password"))
            let typedLock = try attempts.recordTypedFailure(.login, key: typedKey, limit: limit, at: now)
            throw (lock ?? typedLock).map { LoginError.locked(until: $0) } ?? LoginError.incorrect
        }
        try attempts.clearTypedFailures(.login, key: typedKey, at: now)
        let session = sessions.makeSession(accountID: account.id)
        do {
            try accounts.recordLogin(accountID: account.id, session: session, event: event(.loginSucceeded, account))
        } catch AccountStoreError.locked(let until) {
            throw LoginError.locked(until: until)
        } catch AccountStoreError.noSuchAccount {
            throw LoginError.incorrect
        }
        return (account, session)
    }

    private func checkFilledIn(_ identifier: Identifier, password: String) throws {
        var problems: [FieldProblem<LoginError.Field>] = []
        switch identifier {
        case .permitNumber(let number) where TextLimits.collapsingSpaces(number).isEmpty:
            problems.append(FieldProblem(.permitNumber, UserMessage("login.permit_number.missing")))
        case .socialSecurityNumber(let number) where TextLimits.collapsingSpaces(number).isEmpty:
            problems.append(FieldProblem(.ssNumber, UserMessage("login.ss_number.missing")))
        default: break
        }
        if password.isEmpty { problems.append(FieldProblem(.password, UserMessage("login.password.missing"))) }
        if !problems.isEmpty { throw LoginError.invalid(problems) }
    }

    private func account(for identifier: Identifier) throws -> Account? {
        try identifier.account(in: accounts, registry: registry)
    }
}
