import Foundation

/// `Forgot password?` (both login pages): the number, then the proof (the SMS code to the account's verified phone,
/// or facial recognition again for accounts without one), then a new password; every session of the account ends.
/// Whether the number has an account, and whether it has a phone, shows nowhere: every number gets a reset, the
/// same pages, the same waits and the same "not right", and only a real holder's proof ever succeeds.
public struct PasswordResetService: Sendable {
    /// How long a reset lasts from the number being typed.
    public static let lifetime: TimeInterval = 15 * 60

    private let resets: any PasswordResetStore
    private let accounts: any AccountStore
    private let attempts: any AttemptStore
    private let audit: any AuditLog
    private let registry: any PermitRegistry
    private let codes: SmsCodeService
    private let faces: any FaceVerifier
    private let hasher: PasswordHasher
    private let policy: PasswordPolicy
    private let clock: any PortalClock
    private let limit: AttemptLimit

    public init(resets: any PasswordResetStore, accounts: any AccountStore, attempts: any AttemptStore,
                audit: any AuditLog, registry: any PermitRegistry, codes: SmsCodeService, faces: any FaceVerifier, hasher: PasswordHasher,
                policy: PasswordPolicy, clock: any PortalClock, limit: AttemptLimit = AttemptLimit()) {
        self.resets = resets
        self.accounts = accounts
        self.attempts = attempts
        self.audit = audit
        self.registry = registry
        self.codes = codes
        self.faces = faces
        self.hasher = hasher
        self.policy = policy
        self.clock = clock
        self.limit = limit
    }

    /// Starts a reset for the number typed; returns the token for the reset's cookie.
    public func start(_ identifier: LoginService.Identifier, language: Language, remoteAddress: String?) throws -> String {
        guard !identifier.isEmpty else { throw PasswordResetError.missingIdentifier }
        let now = clock.now()
        let account = try identifier.account(in: accounts, registry: registry)
        let token = SecureToken.generate()
        let digest = SecureToken.digest(token)
        try resets.insert(PasswordReset(tokenDigest: digest, accountID: account?.id, createdAt: now, lastSentAt: now))
        try sendCode(to: account, digest: digest, language: language)
        return token
    }

    /// The reset behind a cookie's token while it lasts.
    public func find(token: String?) throws -> PasswordReset? {
        guard let token, !token.isEmpty, token.count <= 100, let reset = try resets.reset(digest: SecureToken.digest(token)),
              clock.now() < reset.createdAt.addingTimeInterval(Self.lifetime) else { return nil }
        return reset
    }

    /// How codes are kept and limited (the code page states them).
    public var codeRules: SmsCodeRules { codes.rules }

    /// When another code may be asked for (the same for every reset, account or not).
    public func resendAllowed(_ reset: PasswordReset) -> Date {
        reset.lastSentAt.addingTimeInterval(codes.rules.resendInterval)
    }

    public func resend(_ reset: PasswordReset, language: Language) throws {
        let now = clock.now()
        guard now >= resendAllowed(reset) else { throw SmsCodeError.wait(until: resendAllowed(reset)) }
        try resets.recordSent(digest: reset.tokenDigest, at: now)
        try sendCode(to: try account(of: reset), digest: reset.tokenDigest, language: language)
    }

    /// The code typed proves the reset, if it is the one sent to the account's verified phone.
    public func verifyCode(_ typed: String, reset: PasswordReset, remoteAddress: String?) throws {
        guard reset.wrongEntries < codes.rules.maximumWrongEntries else { throw SmsCodeError.spent }
        let account = try account(of: reset)
        do {
            guard account?.verifiedPhone != nil else {
                // Nothing was sent: the same checks of the typed code, and then the same "not right".
                _ = try codes.check(typed, ownerDigest: reset.tokenDigest, purposes: [])
                throw SmsCodeError.noCode
            }
            let code = try codes.check(typed, ownerDigest: reset.tokenDigest, purposes: [.passwordReset])
            try resets.markVerified(digest: reset.tokenDigest, codeID: code.id,
                                    event: event(.passwordResetVerified, account, remoteAddress, "sms code"))
        } catch SmsCodeError.noCode, SmsCodeError.wrong, SmsCodeError.spent, SmsCodeError.expired, SmsCodeError.used {
            // The same answer as for a number that never had a code: nothing here tells which numbers have phones.
            throw try wrongEntry(reset, account, remoteAddress)
        }
    }

    /// Facial recognition proves the reset of an account without a verified phone. The photo's own checks come
    /// first and alike for every number; after them every refusal, the provider's and a lock's included, reads
    /// "no match", so the answer tells nobody which numbers have a phone-less account.
    public func verifyFace(_ photo: [UInt8], reset: PasswordReset, remoteAddress: String?) throws {
        try PhotoLimits.check(photo)
        guard reset.wrongEntries < limit.maximumFailures else { throw FaceVerificationError.noMatch }
        let account = try account(of: reset)
        let now = clock.now()
        guard let account, account.verifiedPhone == nil,
              try attempts.attempts(.face, accountID: account.id).lock(at: now) == nil else {
            _ = try wrongEntry(reset, account, remoteAddress)
            throw FaceVerificationError.noMatch
        }
        do {
            try faces.verify(photo: photo, of: FaceSubject(permitNumber: account.permitNumber, fullName: account.fullName))
        } catch {
            _ = try resets.recordWrongEntry(digest: reset.tokenDigest)
            _ = try attempts.recordFailure(.face, accountID: account.id, limit: limit,
                                           event: event(.passwordResetFailed, account, remoteAddress, "face: \(error)"))
            throw FaceVerificationError.noMatch
        }
        try resets.markVerified(digest: reset.tokenDigest, codeID: nil,
                                event: event(.passwordResetVerified, account, remoteAddress, "facial recognition"))
    }

    /// The new password, under the registration rules, once the reset is proved; every session of the account ends.
    public func setPassword(_ password: String, confirm: String, reset: PasswordReset, remoteAddress: String?) throws {
        guard reset.verifiedAt != nil, let account = try account(of: reset) else {
            throw PasswordResetError.notVerified
        }
        if let problem = policy.problem(with: password, permitNumber: account.permitNumber, fullName: account.fullName) {
            throw PasswordResetError.invalid([FieldProblem("password", problem)])
        }
        guard password == confirm else {
            throw PasswordResetError.invalid([FieldProblem("password_confirm", UserMessage("registration.password_confirm.mismatch"))])
        }
        let hash = try hasher.hash(password)
        try resets.completeReset(digest: reset.tokenDigest, accountID: account.id, hash: hash,
                                 event: event(.passwordReset, account, remoteAddress))
    }

    /// Forgets resets past their lifetime (`portal serve`'s chores).
    public func pruneOld() throws {
        try resets.deleteResets(createdBefore: clock.now().addingTimeInterval(-Self.lifetime))
    }

    /// Sends the reset code when the account has a verified phone. A refusal (the per-phone caps) or a gateway
    /// failure is audited, not shown: showing it would tell that the number has an account with a phone.
    private func sendCode(to account: Account?, digest: String, language: Language) throws {
        guard let account, let phone = account.verifiedPhone else { return }
        do {
            try codes.send(.passwordReset, to: phone, accountID: account.id, ownerDigest: digest, language: language)
        } catch let error as SmsCodeError {
            try audit.append(AuditEvent(.passwordResetFailed, at: clock.now(), accountID: account.id,
                                                detail: "code not sent: \(error)"))
        }
    }

    private func wrongEntry(_ reset: PasswordReset, _ account: Account?, _ remoteAddress: String?) throws -> SmsCodeError {
        let wrong = try resets.recordWrongEntry(digest: reset.tokenDigest)
        try audit.append(event(.passwordResetFailed, account, remoteAddress, "wrong proof"))
        let left = codes.rules.maximumWrongEntries - wrong
        return left > 0 ? .wrong(entriesLeft: left) : .spent
    }

    private func account(of reset: PasswordReset) throws -> Account? {
        guard let id = reset.accountID else { return nil }
        return try accounts.account(id: id)
    }

    private func event(_ kind: AuditEvent.Kind, _ account: Account?, _ remoteAddress: String?,
                       _ detail: String? = nil) -> AuditEvent {
        AuditEvent(kind, at: clock.now(), accountID: account?.id, remoteAddress: remoteAddress, detail: detail)
    }
}

public enum PasswordResetError: Error, Sendable, Equatable {
    case missingIdentifier
    /// The new password may only be set once the code or the face has proved the reset.
    case notVerified
    case invalid([FieldProblem<String>])

}
