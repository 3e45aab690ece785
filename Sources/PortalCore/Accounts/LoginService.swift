import Foundation

/// Login by work-permit number or social-security number with the password (guide section 3),
/// with five consecutive failures locking the account for fifteen minutes.
public struct LoginService: Sendable {
    /// What the person typed to say who they are.
    public enum Identifier: Sendable, Equatable {
        case permitNumber(String)
        case socialSecurityNumber(String)

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
    private let audit: any AuditLog
    private let sessions: SessionService
    private let hasher: PasswordHasher
    private let clock: any PortalClock
    private let limit: AttemptLimit
    /// A hash to verify against when no account matches, so "no such account" takes as long as "wrong password".
    private let decoyHash: String

    public init(registry: any PermitRegistry, accounts: any AccountStore, audit: any AuditLog, sessions: SessionService,
                hasher: PasswordHasher, clock: any PortalClock, limit: AttemptLimit = AttemptLimit()) throws {
        self.registry = registry
        self.accounts = accounts
        self.audit = audit
        self.sessions = sessions
        self.hasher = hasher
        self.clock = clock
        self.limit = limit
        decoyHash = try hasher.hash(SecureToken.generate())
    }

    /// Signs the person in, moving the visitor's session (`oldDigest`) to a new id bound to the account.
    public func logIn(_ identifier: Identifier, password: String, replacingSession oldDigest: String?,
                      remoteAddress: String?) throws -> (account: Account, session: NewSession) {
        try checkFilledIn(identifier, password: password)
        let now = clock.now()
        guard let account = try account(for: identifier) else {
            _ = try verifying { try hasher.verify(password, against: decoyHash) }
            try audit.append(AuditEvent(.loginFailed, at: now, subject: identifier.typed, remoteAddress: remoteAddress,
                                        detail: "no such account"))
            throw LoginError.incorrect
        }
        if limit.isLocked(until: account.lockedUntil, at: now), let until = account.lockedUntil {
            throw LoginError.locked(until: until)
        }
        guard try verifying({ try hasher.verify(password, against: account.passwordHash) }) else {
            try recordFailure(of: account, at: now, remoteAddress: remoteAddress)
        }
        if account.state == .pendingRealName {
            // The password was right, so the failure count starts again; the login itself is still refused.
            let event = AuditEvent(.loginFailed, at: now, accountID: account.id, remoteAddress: remoteAddress,
                                   detail: "real-name verification required")
            try accounts.updateLoginFailures(accountID: account.id, failures: 0, lockedUntil: nil, events: [event])
            throw LoginError.realNameRequired
        }
        let session = sessions.makeSession(accountID: account.id)
        let event = AuditEvent(.loginSucceeded, at: now, accountID: account.id, remoteAddress: remoteAddress)
        try accounts.recordLogin(accountID: account.id, session: session, replacingSession: oldDigest, event: event)
        return (account, session)
    }

    private func checkFilledIn(_ identifier: Identifier, password: String) throws {
        var problems: [FieldProblem<LoginError.Field>] = []
        switch identifier {
        case .permitNumber(let number) where number.trimmingSpaces.isEmpty:
            problems.append(FieldProblem(.permitNumber, UserMessage("login.permit_number.missing")))
        case .socialSecurityNumber(let number) where number.trimmingSpaces.isEmpty:
            problems.append(FieldProblem(.ssNumber, UserMessage("login.ss_number.missing")))
        default: break
        }
        if password.isEmpty { problems.append(FieldProblem(.password, UserMessage("login.password.missing"))) }
        if !problems.isEmpty { throw LoginError.invalid(problems) }
    }

    private func account(for identifier: Identifier) throws -> Account? {
        switch identifier {
        case .permitNumber(let typed):
            return try accounts.account(permitNumber: TextLimits.identifier(typed))
        case .socialSecurityNumber(let typed):
            guard let card = try registry.socialSecurityCard(ssNumber: TextLimits.identifier(typed)) else { return nil }
            return try accounts.account(permitNumber: card.permitNumber)
        }
    }

    private func verifying(_ check: () throws -> Bool) throws -> Bool {
        do { return try check() } catch SecurityError.busy { throw LoginError.busy }
    }

    private func recordFailure(of account: Account, at now: Date, remoteAddress: String?) throws -> Never {
        // The count restarts from zero when a lock is set, so a lock that has run out starts afresh.
        let failures = account.failedLogins + 1
        let lock = limit.lock(afterFailures: failures, at: now)
        var events = [AuditEvent(.loginFailed, at: now, accountID: account.id, remoteAddress: remoteAddress)]
        if lock != nil { events.append(AuditEvent(.accountLocked, at: now, accountID: account.id, remoteAddress: remoteAddress)) }
        try accounts.updateLoginFailures(accountID: account.id, failures: lock == nil ? failures : 0,
                                       lockedUntil: lock, events: events)
        if let lock { throw LoginError.locked(until: lock) }
        throw LoginError.incorrect
    }
}
