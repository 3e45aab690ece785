import Foundation

/// `Change password` for a signed-in holder: the current password, then a new one under the same rules as at
/// registration. Every other session of the account ends and this one moves to a new id, in one transaction.
/// A wrong current password counts toward the login lock, so the page cannot be used to guess passwords.
public struct PasswordChangeService: Sendable {
    public struct Form: Sendable {
        public enum Field: String, Sendable, Hashable {
            case currentPassword = "current_password"
            case password
            case passwordConfirm = "password_confirm"
        }

        public var currentPassword, password, passwordConfirm: String

        public init(currentPassword: String, password: String, passwordConfirm: String) {
            self.currentPassword = currentPassword
            self.password = password
            self.passwordConfirm = passwordConfirm
        }
    }

    private let accounts: any AccountStore
    private let attempts: any AttemptStore
    private let registry: any PermitRegistry
    private let sessions: SessionService
    private let hasher: PasswordHasher
    private let policy: PasswordPolicy
    private let clock: any PortalClock
    private let limit: AttemptLimit
    /// One password check per account at a time, shared with the login (the same count).
    private let checks: SecretChecks

    public init(accounts: any AccountStore, attempts: any AttemptStore, registry: any PermitRegistry,
                sessions: SessionService, hasher: PasswordHasher, policy: PasswordPolicy, clock: any PortalClock,
                limit: AttemptLimit = AttemptLimit(), checks: SecretChecks = SecretChecks()) {
        self.checks = checks
        self.accounts = accounts
        self.attempts = attempts
        self.registry = registry
        self.sessions = sessions
        self.hasher = hasher
        self.policy = policy
        self.clock = clock
        self.limit = limit
    }

    /// Changes the password; returns the session that replaces `sessionDigest`.
    public func change(_ form: Form, account: Account, sessionDigest: String, remoteAddress: String?) throws -> NewSession {
        var problems: [FieldProblem<Form.Field>] = []
        if form.currentPassword.isEmpty {
            problems.append(FieldProblem(.currentPassword, UserMessage("password_change.current.missing")))
        }
        if let problem = policy.problem(with: form.password, permitNumber: account.permitNumber, fullName: account.fullName) {
            problems.append(FieldProblem(.password, problem))
        } else if form.password != form.passwordConfirm {
            problems.append(FieldProblem(.passwordConfirm, UserMessage("registration.password_confirm.mismatch")))
        } else if !form.currentPassword.isEmpty && form.password == form.currentPassword {
            problems.append(FieldProblem(.password, UserMessage("password_change.same")))
        }
        guard problems.isEmpty else {
            throw PasswordChangeError.invalid(problems.map { FieldProblem($0.field.rawValue, $0.message) })
        }
        return try checks.one(for: "password \(account.id)") {
            // Read again once the turn is ours: a check that waited must see a password changed meanwhile.
            guard let current = try accounts.account(id: account.id) else { throw PasswordChangeError.incorrect }
            return try check(form, account: current, remoteAddress: remoteAddress)
        }
    }

    /// The lock, the current password and the change, once no other check for the account is under way.
    private func check(_ form: Form, account: Account, remoteAddress: String?) throws -> NewSession {
        let now = clock.now()
        func event(_ kind: AuditEvent.Kind, _ detail: String? = nil) -> AuditEvent {
            AuditEvent(kind, at: now, accountID: account.id, remoteAddress: remoteAddress, detail: detail)
        }
        if let until = try attempts.attempts(.login, accountID: account.id).lock(at: now) {
            throw PasswordChangeError.locked(until: until)
        }
        guard try hasher.verify(form.currentPassword, against: account.passwordHash) else {
            let lock = try attempts.recordFailure(.login, accountID: account.id, limit: limit,
                                                  event: event(.passwordChangeFailed, "wrong current password"))
            throw lock.map { PasswordChangeError.locked(until: $0) } ?? PasswordChangeError.incorrect
        }
        let hash = try hasher.hash(form.password)
        let session = sessions.makeSession(accountID: account.id)
        try accounts.replacePassword(accountID: account.id, hash: hash, signingIn: session, event: event(.passwordChanged))
        return session
    }
}

public enum PasswordChangeError: Error, Sendable, Equatable {
    case invalid([FieldProblem<String>])
    case incorrect
    case locked(until: Date)

    public var problems: [FieldProblem<String>] {
        switch self {
        case .invalid(let problems): problems
        case .incorrect: [FieldProblem("current_password", UserMessage("password_change.current.incorrect"))]
        case .locked(let until):
            [FieldProblem("current_password", UserMessage("lockout", ["time": ChinaTime.clockTime(until)]))]
        }
    }
}
