import Foundation

/// Real-name verification for holders of a physical Social Security Card (guide section 2): by bank card (the
/// bank's four-element check) or by phone (the operator's real-name check), each confirmed with an SMS code.
/// Nothing is sent before every field is right and the outside check confirms the details; five unconfirmed
/// tries lock the step for fifteen minutes, so the form cannot be used to test cards or numbers.
public struct RealNameService: Sendable {
    /// The bank-card form, as typed.
    public struct BankCardForm: Sendable {
        public enum Field: String, Sendable, Hashable {
            case fullName = "full_name"
            case passportNumber = "passport_number"
            case bankCardNumber = "bank_card_number"
            case phone
        }

        public var fullName, passportNumber, bankCardNumber, phone: String

        public init(fullName: String, passportNumber: String, bankCardNumber: String, phone: String) {
            self.fullName = fullName
            self.passportNumber = passportNumber
            self.bankCardNumber = bankCardNumber
            self.phone = phone
        }
    }

    private let registry: any PermitRegistry
    private let bankCards: any BankCardVerifier
    private let phones: any PhoneOwnerVerifier
    private let codes: SmsCodeService
    private let accounts: any AccountStore
    private let attempts: any AttemptStore
    private let clock: any PortalClock
    private let limit: AttemptLimit

    public static let purposes: [SmsPurpose] = [.realNameBankCard, .realNamePhone]

    public init(registry: any PermitRegistry, bankCards: any BankCardVerifier, phones: any PhoneOwnerVerifier,
                codes: SmsCodeService, accounts: any AccountStore, attempts: any AttemptStore, clock: any PortalClock,
                limit: AttemptLimit = AttemptLimit()) {
        self.registry = registry
        self.bankCards = bankCards
        self.phones = phones
        self.codes = codes
        self.accounts = accounts
        self.attempts = attempts
        self.clock = clock
        self.limit = limit
    }

    /// Checks the bank-card form and, once the bank confirms it, sends the code to its phone.
    @discardableResult
    public func sendBankCardCode(_ form: BankCardForm, account: Account, ownerDigest: String,
                                 language: Language, remoteAddress: String?) throws -> StoredSmsCode {
        let holder = try holder(of: account)
        var problems: [FieldProblem<BankCardForm.Field>] = []
        if TextLimits.collapsingSpaces(form.fullName).isEmpty {
            problems.append(FieldProblem(.fullName, UserMessage("real_name.full_name.missing")))
        } else if !NameMatcher.matches(typed: form.fullName, registered: holder.fullName) {
            problems.append(FieldProblem(.fullName, UserMessage("real_name.full_name.mismatch")))
        }
        let passport = TextLimits.identifier(form.passportNumber)
        if passport.isEmpty {
            problems.append(FieldProblem(.passportNumber, UserMessage("real_name.passport.missing")))
        } else if passport != TextLimits.identifier(holder.passportNumber) {
            problems.append(FieldProblem(.passportNumber, UserMessage("real_name.passport.mismatch")))
        }
        let card = BankCardNumber.normalized(form.bankCardNumber)
        if case .failure(let problem) = card { problems.append(FieldProblem(.bankCardNumber, Self.message(problem))) }
        let phone = MainlandPhone.normalized(form.phone)
        if case .failure(let problem) = phone { problems.append(FieldProblem(.phone, Self.message(problem))) }
        guard problems.isEmpty, case .success(let digits) = card, case .success(let mobile) = phone else {
            throw RealNameError.invalid(problems.map { FieldProblem($0.field.rawValue, $0.message) })
        }
        try confirm(account, field: BankCardForm.Field.bankCardNumber.rawValue, remoteAddress: remoteAddress) {
            () throws(RealNameCheckError) -> Bool in try bankCards.confirms(cardNumber: digits, phone: mobile, holder: holder)
        }
        return try codes.send(.realNameBankCard, to: mobile, accountID: account.id, ownerDigest: ownerDigest,
                              language: language, samePurposes: Self.purposes)
    }

    /// Checks the phone form and, once the operator confirms the number is the holder's, sends the code to it.
    @discardableResult
    public func sendPhoneCode(_ typed: String, account: Account, ownerDigest: String, language: Language,
                              remoteAddress: String?) throws -> StoredSmsCode {
        let holder = try holder(of: account)
        let mobile: String
        switch MainlandPhone.normalized(typed) {
        case .failure(let problem): throw RealNameError.invalid([FieldProblem("phone", Self.message(problem))])
        case .success(let digits): mobile = digits
        }
        try confirm(account, field: "phone", remoteAddress: remoteAddress) {
            () throws(RealNameCheckError) -> Bool in try phones.confirms(phone: mobile, holder: holder)
        }
        return try codes.send(.realNamePhone, to: mobile, accountID: account.id, ownerDigest: ownerDigest,
                              language: language, samePurposes: Self.purposes)
    }

    /// Sends a new code to the phone the owner's last code went to, for the same purpose.
    @discardableResult
    public func resend(account: Account, ownerDigest: String, language: Language) throws -> StoredSmsCode {
        guard let last = try codes.latest(ownerDigest: ownerDigest, purposes: Self.purposes) else {
            throw SmsCodeError.noCode
        }
        return try codes.send(last.purpose, to: last.phone, accountID: account.id, ownerDigest: ownerDigest,
                              language: language, samePurposes: Self.purposes)
    }

    /// The right code completes registration in one transaction: the e-card is collected.
    public func complete(code typed: String, account: Account, ownerDigest: String, remoteAddress: String?) throws {
        let code = try codes.check(typed, ownerDigest: ownerDigest, purposes: Self.purposes)
        let method: RealNameMethod = code.purpose == .realNameBankCard ? .bankCard : .phone
        let event = AuditEvent(.realNameVerified, at: clock.now(), accountID: account.id, remoteAddress: remoteAddress,
                               detail: "\(method.rawValue), phone \(MainlandPhone.masked(code.phone))")
        try accounts.completeRealName(accountID: account.id, method: method, phone: code.phone, codeID: code.id, event: event)
    }

    /// Asks the outside check, counting every "no" toward the lock; a lock in force refuses before asking.
    private func confirm(_ account: Account, field: String, remoteAddress: String?,
                         _ check: () throws(RealNameCheckError) -> Bool) throws {
        let now = clock.now()
        if let until = try attempts.attempts(.realName, accountID: account.id).lock(at: now) {
            throw RealNameError.locked(until: until, field: field)
        }
        let confirmed: Bool
        do { confirmed = try check() } catch { throw RealNameError.serviceUnavailable(field: field) }
        guard confirmed else {
            let event = AuditEvent(.realNameFailed, at: now, accountID: account.id, remoteAddress: remoteAddress)
            let lock = try attempts.recordFailure(.realName, accountID: account.id, limit: limit, event: event)
            throw lock.map { RealNameError.locked(until: $0, field: field) } ?? RealNameError.notVerified(field: field)
        }
    }

    private func holder(of account: Account) throws -> RealNameHolder {
        guard let permit = try registry.permit(number: account.permitNumber) else {
            throw StoreError.unavailable("no permit \(account.permitNumber) for account \(account.id)")
        }
        return RealNameHolder(fullName: permit.fullName, passportNumber: permit.passportNumber)
    }

    private static func message(_ problem: BankCardNumber.Problem) -> UserMessage {
        switch problem {
        case .missing: UserMessage("real_name.card.missing")
        case .format: UserMessage("real_name.card.format")
        case .checkDigit: UserMessage("real_name.card.check_digit")
        case .notUnionPay: UserMessage("real_name.card.not_union_pay")
        }
    }

    private static func message(_ problem: MainlandPhone.Problem) -> UserMessage {
        problem == .missing ? UserMessage("real_name.phone.missing") : UserMessage("real_name.phone.format")
    }
}

/// Why real-name verification did not go on. `notVerified` never says which detail was wrong, nor whether a card
/// or a number exists anywhere: "these details could not be verified".
public enum RealNameError: Error, Sendable, Equatable {
    case invalid([FieldProblem<String>])
    case notVerified(field: String)
    case locked(until: Date, field: String)
    case serviceUnavailable(field: String)

    public var problems: [FieldProblem<String>] {
        switch self {
        case .invalid(let problems): problems
        case .notVerified(let field): [FieldProblem(field, UserMessage("real_name.not_verified"))]
        case .locked(let until, let field):
            [FieldProblem(field, UserMessage("lockout", ["time": ChinaTime.clockTime(until)]))]
        case .serviceUnavailable(let field): [FieldProblem(field, UserMessage("real_name.unavailable"))]
        }
    }
}
