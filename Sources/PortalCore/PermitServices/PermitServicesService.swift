import Foundation

/// Work-permit services (guide section 4): entering the permit number, the 6-digit PIN set on first use and asked
/// for later (5 wrong ones lock the services for 30 minutes), which unlocks the session's permit services until
/// five minutes pass without use; the permit's standing decides what is offered.
public struct PermitServicesService: Sendable {
    /// How long an unlock lasts without use.
    public static let unlockWindow: TimeInterval = 5 * 60

    private let store: any PermitServicesStore
    private let attempts: any AttemptStore
    private let registry: any PermitRegistry
    private let audit: any AuditLog
    private let hasher: PasswordHasher
    private let clock: any PortalClock
    public let limit: AttemptLimit
    /// One PIN check per account at a time: the lock is read before Argon2 and a failure written after it.
    private let checks: SecretChecks

    public init(store: any PermitServicesStore, attempts: any AttemptStore, registry: any PermitRegistry,
                audit: any AuditLog, hasher: PasswordHasher, clock: any PortalClock) {
        self.store = store
        self.attempts = attempts
        self.registry = registry
        self.audit = audit
        self.hasher = hasher
        checks = SecretChecks(stepAside: hasher.stepAside)
        self.clock = clock
        var limit = AttemptLimit()
        limit.lockDuration = 30 * 60
        self.limit = limit
    }

    /// The typed number must be the signed-in holder's own permit; anything else is refused and audited.
    public func confirmPermitNumber(_ typed: String, account: Account, remoteAddress: String?) throws {
        let number = TextLimits.identifier(typed)
        guard !number.isEmpty else {
            throw PermitServicesError.invalid([FieldProblem("permit_number", UserMessage("login.permit_number.missing"))])
        }
        guard number == account.permitNumber else {
            try audit.append(AuditEvent(.permitNumberRefused, at: clock.now(), accountID: account.id,
                                        subject: String(number.prefix(TextLimits.maximumFieldLength)),
                                        remoteAddress: remoteAddress))
            throw PermitServicesError.invalid([FieldProblem("permit_number", UserMessage("permit.number_not_yours"))])
        }
    }

    /// The holder's permit as the registry has it.
    public func permit(of account: Account) throws -> Permit {
        guard let permit = try registry.permit(number: account.permitNumber) else {
            throw StoreError.unavailable("no permit \(account.permitNumber) for account \(account.id)")
        }
        return permit
    }

    /// First use: the PIN and its confirmation; it then unlocks this session.
    public func setPin(_ pin: String, confirm: String, account: Account, sessionDigest: String,
                       remoteAddress: String?) throws {
        try checkNew(pin, confirm: confirm, account: account)
        let now = clock.now()
        try store.setPin(accountID: account.id, hash: try hasher.hash(pin), replacing: false, sessionDigest: sessionDigest,
                         unlockedUntil: now.addingTimeInterval(Self.unlockWindow),
                         event: AuditEvent(.pinSet, at: now, accountID: account.id, remoteAddress: remoteAddress))
    }

    /// Later visits: the PIN unlocks this session; wrong ones count toward the lock.
    public func enterPin(_ pin: String, account: Account, sessionDigest: String, remoteAddress: String?) throws {
        guard !pin.isEmpty else { throw PermitServicesError.invalid([FieldProblem("pin", UserMessage("pin.missing"))]) }
        try checks.one(for: "pin \(account.id)") {
            try verifyPin(pin, field: "pin", account: account, remoteAddress: remoteAddress)
            let now = clock.now()
            do {
                try store.unlock(sessionDigest: sessionDigest, until: now.addingTimeInterval(Self.unlockWindow),
                                 accountID: account.id, clearingFailures: true, at: now)
            } catch AccountStoreError.locked(let until) {
                throw PermitServicesError.locked(until: until, field: "pin")
            }
        }
    }

    /// `Change PIN`: the current PIN, then a new one under the same rules.
    public func changePin(current: String, pin: String, confirm: String, account: Account, sessionDigest: String,
                          remoteAddress: String?) throws {
        guard !current.isEmpty else {
            throw PermitServicesError.invalid([FieldProblem("current_pin", UserMessage("pin.current_missing"))])
        }
        try checkNew(pin, confirm: confirm, account: account)
        try checks.one(for: "pin \(account.id)") {
            try verifyPin(current, field: "current_pin", account: account, remoteAddress: remoteAddress)
            let now = clock.now()
            try store.setPin(accountID: account.id, hash: try hasher.hash(pin), replacing: true,
                             sessionDigest: sessionDigest, unlockedUntil: now.addingTimeInterval(Self.unlockWindow),
                             event: AuditEvent(.pinChanged, at: now, accountID: account.id, remoteAddress: remoteAddress))
        }
    }

    /// Whether the session's permit services are unlocked now. Each use moves the five minutes on; like a
    /// session's last-seen time, the new end is written only when 30 seconds have passed since the last write,
    /// so the permit page and its QR image do not each cost a write.
    public func isUnlocked(_ session: Session, accountID: Int64) throws -> Bool {
        let now = clock.now()
        guard let until = session.permitServicesUntil, now < until else { return false }
        if until.timeIntervalSince(now) <= Self.unlockWindow - Self.unlockTouchInterval {
            try store.unlock(sessionDigest: session.tokenDigest, until: now.addingTimeInterval(Self.unlockWindow),
                             accountID: accountID, clearingFailures: false, at: now)
        }
        return true
    }

    static let unlockTouchInterval: TimeInterval = 30

    private func checkNew(_ pin: String, confirm: String, account: Account) throws {
        let permit = try permit(of: account)
        if let problem = PinPolicy.problem(with: pin, dateOfBirth: permit.dateOfBirth, permitNumber: permit.number) {
            throw PermitServicesError.invalid([FieldProblem("pin", problem)])
        }
        guard pin == confirm else {
            throw PermitServicesError.invalid([FieldProblem("pin_confirm", UserMessage("pin.mismatch"))])
        }
    }

    private func verifyPin(_ pin: String, field: String, account: Account, remoteAddress: String?) throws {
        let now = clock.now()
        if let until = try attempts.attempts(.pin, accountID: account.id).lock(at: now) {
            throw PermitServicesError.locked(until: until, field: field)
        }
        // The hash as stored now, not as the account was read before this check's turn came.
        guard let hash = try store.pinHash(accountID: account.id), try hasher.verify(pin, against: hash) else {
            let event = AuditEvent(.pinFailed, at: now, accountID: account.id, remoteAddress: remoteAddress)
            let lock = try attempts.recordFailure(.pin, accountID: account.id, limit: limit, event: event)
            throw lock.map { PermitServicesError.locked(until: $0, field: field) }
                ?? PermitServicesError.invalid([FieldProblem(field, UserMessage("pin.incorrect"))])
        }
    }
}

public enum PermitServicesError: Error, Sendable, Equatable {
    case invalid([FieldProblem<String>])
    case locked(until: Date, field: String)
    /// A PIN was set meanwhile (another tab): it is asked for, not replaced.
    case alreadySet

    public var problems: [FieldProblem<String>] {
        switch self {
        case .invalid(let problems): problems
        case .locked(let until, let field):
            [FieldProblem(field, UserMessage("pin.locked", ["time": ChinaTime.clockTime(until)]))]
        case .alreadySet: [FieldProblem("pin", UserMessage("pin.already_set"))]
        }
    }
}
