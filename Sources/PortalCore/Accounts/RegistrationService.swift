import Foundation

/// Step 4 of the guide: full name, work-permit number and a login password create the account,
/// checked against the permit registry, and sign the person in for facial recognition.
public struct RegistrationService: Sendable {
    private let registry: any PermitRegistry
    private let accounts: any AccountStore
    private let sessions: SessionService
    private let hasher: PasswordHasher
    private let policy: PasswordPolicy
    private let clock: any PortalClock

    public init(registry: any PermitRegistry, accounts: any AccountStore, sessions: SessionService,
                hasher: PasswordHasher, policy: PasswordPolicy, clock: any PortalClock) {
        self.registry = registry
        self.accounts = accounts
        self.sessions = sessions
        self.hasher = hasher
        self.policy = policy
        self.clock = clock
    }

    /// Creates the account (waiting for facial recognition) and its signed-in session.
    public func register(_ form: RegistrationForm, remoteAddress: String?) throws -> (account: Account, session: NewSession) {
        let permit = try checkedPermit(form)
        let now = clock.now()
        let hash = try hasher.hash(form.password)
        let account = Account(permitNumber: permit.number, fullName: permit.fullName, passwordHash: hash,
                              state: .pendingFace, createdAt: now)
        let session = sessions.makeSession(accountID: nil)
        let event = AuditEvent(.registered, at: now, subject: permit.number, remoteAddress: remoteAddress)
        do {
            let created = try accounts.create(account, session: session, event: event)
            return (created, session)
        } catch AccountStoreError.duplicatePermit {
            throw RegistrationError.invalid([FieldProblem(.permitNumber, UserMessage("registration.duplicate"))])
        }
    }

    /// The registry's permit for the form, or every problem the form has, in the order of its fields.
    private func checkedPermit(_ form: RegistrationForm) throws -> Permit {
        var problems: [FieldProblem<RegistrationForm.Field>] = []
        let fullName = TextLimits.collapsingSpaces(form.fullName)
        if fullName.isEmpty {
            problems.append(FieldProblem(.fullName, UserMessage("registration.full_name.missing")))
        } else if fullName.count > TextLimits.maximumFieldLength {
            problems.append(FieldProblem(.fullName, UserMessage("registration.full_name.too_long")))
        }
        var permit: Permit?
        if TextLimits.collapsingSpaces(form.permitNumber).isEmpty {
            problems.append(FieldProblem(.permitNumber, UserMessage("registration.permit_number.missing")))
        } else if let number = PermitNumber.normalized(form.permitNumber) {
            permit = try registry.permit(number: number)
            if let message = try permitProblem(permit, typedName: problems.isEmpty ? fullName : "") {
                problems.append(FieldProblem(message.field, message.message))
            }
        } else {
            problems.append(FieldProblem(.permitNumber, UserMessage("registration.permit_number.format")))
        }
        if let message = policy.problem(with: form.password, permitNumber: form.permitNumber, fullName: fullName) {
            problems.append(FieldProblem(.password, message))
        } else if form.password != form.passwordConfirm {
            problems.append(FieldProblem(.passwordConfirm, UserMessage("registration.password_confirm.mismatch")))
        }
        guard problems.isEmpty, let permit else { throw RegistrationError.invalid(problems) }
        return permit
    }

    /// Whether the permit can be registered. Beyond "no such permit", nothing about it is told to someone
    /// who does not know the holder's passport name.
    private func permitProblem(_ permit: Permit?, typedName: String) throws -> FieldProblem<RegistrationForm.Field>? {
        guard let permit else { return FieldProblem(.permitNumber, UserMessage("registration.permit.unknown")) }
        guard !typedName.isEmpty else { return nil }
        guard NameMatcher.matches(typed: typedName, registered: permit.fullName) else {
            return FieldProblem(.fullName, UserMessage("registration.full_name.mismatch"))
        }
        switch permit.standing(on: CalendarDay(containing: clock.now())) {
        case .canceled: return FieldProblem(.permitNumber, UserMessage("registration.permit.canceled"))
        case .expired: return FieldProblem(.permitNumber, UserMessage("registration.permit.expired"))
        case .valid, .expiringSoon: break
        }
        // An account still waiting for facial recognition proves nothing yet: registering again replaces it.
        if let existing = try accounts.account(permitNumber: permit.number), existing.state != .pendingFace {
            return FieldProblem(.permitNumber, UserMessage("registration.duplicate"))
        }
        return nil
    }
}
