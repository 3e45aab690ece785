import Foundation

/// Six-digit codes sent by SMS to confirm a phone: made by the secure generator, stored only as a MAC keyed by the
/// server secret (a plain hash of six digits is reversed in a millisecond), valid ten minutes, single use, bound to
/// purpose, phone and the session that asked for it; five wrong entries spend a code; resends are paced and capped.
public struct SmsCodeService: Sendable {
    private let store: any SmsCodeStore
    private let gateway: any SmsGateway
    private let texts: any SmsTexts
    private let secret: ServerSecret
    private let clock: any PortalClock
    public let rules: SmsCodeRules

    public init(store: any SmsCodeStore, gateway: any SmsGateway, texts: any SmsTexts, secret: ServerSecret,
                clock: any PortalClock, rules: SmsCodeRules = SmsCodeRules()) {
        self.store = store
        self.gateway = gateway
        self.texts = texts
        self.secret = secret
        self.clock = clock
        self.rules = rules
    }

    /// Makes, stores and sends a code; on a gateway failure the code is taken back and `.notSent` thrown.
    /// `samePurposes` pace resends together (a bank-card and a phone code of one registration share the interval).
    @discardableResult
    public func send(_ purpose: SmsPurpose, to phone: String, accountID: Int64, ownerDigest: String,
                     language: Language, samePurposes: [SmsPurpose]? = nil) throws -> StoredSmsCode {
        let now = clock.now()
        let code = Self.randomCode(digits: rules.digits)
        var stored = StoredSmsCode(purpose: purpose, accountID: accountID, ownerDigest: ownerDigest, phone: phone,
                                   codeMAC: mac(code, purpose: purpose, phone: phone, ownerDigest: ownerDigest),
                                   sentAt: now, expiresAt: now.addingTimeInterval(rules.validity))
        stored.id = try store.insert(stored, rules: rules, samePurposes: samePurposes ?? [purpose])
        let text = texts.text(for: purpose, code: code, validMinutes: Int(rules.validity / 60), language: language)
        do {
            try gateway.send(SmsMessage(to: phone, text: text, code: code, purpose: purpose, sentAt: now))
        } catch {
            try store.delete(codeID: stored.id)
            throw SmsCodeError.notSent
        }
        return stored
    }

    /// The owner's newest code for `purposes` (the code page shows where it went and when another may be asked for).
    public func latest(ownerDigest: String, purposes: [SmsPurpose]) throws -> StoredSmsCode? {
        try store.latestCode(ownerDigest: ownerDigest, purposes: purposes)
    }

    /// The owner's newest code if `typed` is it and it still works; a wrong entry is counted. The caller consumes
    /// the code in the transaction of the step it completes.
    public func check(_ typed: String, ownerDigest: String, purposes: [SmsPurpose]) throws -> StoredSmsCode {
        let digits = String(typed.filter { !$0.isWhitespace && $0 != "-" })
        guard !digits.isEmpty else { throw SmsCodeError.missing }
        guard digits.count == rules.digits, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw SmsCodeError.format }
        guard let code = try store.latestCode(ownerDigest: ownerDigest, purposes: purposes) else { throw SmsCodeError.noCode }
        guard code.usedAt == nil else { throw SmsCodeError.used }
        guard clock.now() < code.expiresAt else { throw SmsCodeError.expired }
        // Each entry is counted before the compare: five guesses per code, however many arrive at once.
        guard let entries = try store.countEntry(codeID: code.id, maximum: rules.maximumWrongEntries) else {
            throw SmsCodeError.spent
        }
        let expected = mac(digits, purpose: code.purpose, phone: code.phone, ownerDigest: ownerDigest)
        guard SecureToken.constantTimeEquals(expected, code.codeMAC) else {
            let left = rules.maximumWrongEntries - entries
            throw left > 0 ? SmsCodeError.wrong(entriesLeft: left) : SmsCodeError.spent
        }
        return code
    }

    /// Forgets codes too old to count for any limit (`portal serve`'s chores).
    public func pruneOld() throws {
        try store.deleteCodes(sentBefore: clock.now().addingTimeInterval(-rules.retention))
    }

    private func mac(_ code: String, purpose: SmsPurpose, phone: String, ownerDigest: String) -> String {
        secret.mac("\(code)|\(purpose.rawValue)|\(phone)|\(ownerDigest)", purpose: "sms code")
    }

    static func randomCode(digits: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }
}
