import Foundation
import PortalTestSupport
import Testing
@testable import PortalCore

/// A gateway that keeps what it sends, and fails while told to.
final class RecordingGateway: SmsGateway, @unchecked Sendable {
    // @unchecked: guarded by `lock`.
    private let lock = NSLock()
    private var sent: [SmsMessage] = []
    var failing = false

    func send(_ message: SmsMessage) throws(SmsGatewayError) {
        lock.lock()
        defer { lock.unlock() }
        if failing { throw .unavailable("told to fail") }
        sent.append(message)
    }

    var messages: [SmsMessage] { lock.withLock { sent } }
}

struct PlainTexts: SmsTexts {
    func text(for purpose: SmsPurpose, code: String, validMinutes: Int, language: Language) -> String {
        "\(language.rawValue) \(purpose.rawValue) \(code) \(validMinutes)"
    }
}

@Suite struct SmsCodeServiceTests {
    let domain: TestDomain
    let gateway = RecordingGateway()
    let service: SmsCodeService
    let account: Account
    let owner = SecureToken.digest("session-token")

    init() throws {
        domain = try TestDomain()
        account = try domain.register(Fixtures.john, name: "JOHN SMITH")
        service = SmsCodeService(store: domain.database, gateway: gateway, texts: PlainTexts(), secret: .random(),
                                 clock: domain.clock)
    }

    @discardableResult
    private func send(_ purpose: SmsPurpose = .realNamePhone, to phone: String = "13800000002",
                      owner: String? = nil, accountID: Int64? = nil) throws -> StoredSmsCode {
        try service.send(purpose, to: phone, accountID: accountID ?? account.id, ownerDigest: owner ?? self.owner,
                         language: .chinese)
    }

    private var lastCode: String { gateway.messages.last?.code ?? "" }

    @Test func aCodeIsSixRandomDigitsInTheTextAndStoredOnlyAsAMAC() throws {
        let stored = try send()
        let message = try #require(gateway.messages.last)
        #expect(message.code.count == 6 && message.code.allSatisfy(\.isNumber))
        #expect(message.text == "zh real_name_phone \(message.code) 10")
        #expect(message.to == "13800000002")
        #expect(!stored.codeMAC.contains(message.code) && stored.codeMAC.count == 43)
        #expect(stored.expiresAt == Fixtures.now.addingTimeInterval(600))
    }

    @Test func theRightCodeTypedWithSpacesIsAccepted() throws {
        try send()
        let spaced = lastCode.prefix(3) + " " + lastCode.dropFirst(3)
        #expect(try service.check(String(spaced), ownerDigest: owner, purposes: [.realNamePhone]).phone == "13800000002")
    }

    @Test func aCodeLastsTenMinutes() throws {
        try send()
        domain.clock.advance(by: 599)
        #expect(throws: Never.self) { try service.check(lastCode, ownerDigest: owner, purposes: [.realNamePhone]) }
        domain.clock.advance(by: 1)
        #expect(throws: SmsCodeError.expired) { try service.check(lastCode, ownerDigest: owner, purposes: [.realNamePhone]) }
    }

    @Test func fiveWrongEntriesSpendTheCodeEvenForTheRightOneAfter() throws {
        try send()
        let wrong = lastCode == "000000" ? "111111" : "000000"
        for left in (1...4).reversed() {
            #expect(throws: SmsCodeError.wrong(entriesLeft: left)) {
                try service.check(wrong, ownerDigest: owner, purposes: [.realNamePhone])
            }
        }
        #expect(throws: SmsCodeError.spent) { try service.check(wrong, ownerDigest: owner, purposes: [.realNamePhone]) }
        #expect(throws: SmsCodeError.spent) { try service.check(lastCode, ownerDigest: owner, purposes: [.realNamePhone]) }
    }

    @Test func aCodeIsBoundToItsSessionAndPurpose() throws {
        try send(.realNamePhone)
        #expect(throws: SmsCodeError.noCode) {
            try service.check(lastCode, ownerDigest: SecureToken.digest("another session"), purposes: [.realNamePhone])
        }
        #expect(throws: SmsCodeError.noCode) { try service.check(lastCode, ownerDigest: owner, purposes: [.passwordReset]) }
    }

    @Test func missingAndMalformedCodesAreToldApartFromWrongOnes() throws {
        try send()
        #expect(throws: SmsCodeError.missing) { try service.check("  ", ownerDigest: owner, purposes: [.realNamePhone]) }
        #expect(throws: SmsCodeError.format) { try service.check("12345", ownerDigest: owner, purposes: [.realNamePhone]) }
        #expect(throws: SmsCodeError.format) { try service.check("12345a", ownerDigest: owner, purposes: [.realNamePhone]) }
        #expect(try domain.database.latestCode(ownerDigest: owner, purposes: [.realNamePhone])?.wrongEntries == 0)
    }

    @Test func theNewestCodeWinsAfterTheResendInterval() throws {
        try send()
        let first = lastCode
        #expect(throws: SmsCodeError.wait(until: Fixtures.now.addingTimeInterval(60))) { try send() }
        domain.clock.advance(by: 60)
        try send()
        #expect(gateway.messages.count == 2)
        if first != lastCode {
            #expect(throws: SmsCodeError.self) { try service.check(first, ownerDigest: owner, purposes: [.realNamePhone]) }
        }
        #expect(throws: Never.self) { try service.check(lastCode, ownerDigest: owner, purposes: [.realNamePhone]) }
    }

    @Test func atMostFiveSendsPerPhoneAnHour() throws {
        for index in 0..<5 {
            try send(owner: SecureToken.digest("session \(index)"))
            domain.clock.advance(by: 61)
        }
        // (from another account too, so only the phone's cap is met)
        let other = try domain.register(Fixtures.anna).id
        #expect(throws: SmsCodeError.tooManySends) { try send(owner: SecureToken.digest("session 5"), accountID: other) }
        domain.clock.advance(by: 3600)
        #expect(throws: Never.self) { try send(owner: SecureToken.digest("session 6"), accountID: other) }
    }

    @Test func atMostFiveSendsPerAccountADayWhateverThePhone() throws {
        for index in 0..<5 {
            try send(to: "1380000000\(index)")
            domain.clock.advance(by: 2 * 3600)
        }
        #expect(throws: SmsCodeError.tooManySends) { try send(to: "13900000009") }
        domain.clock.advance(by: 24 * 3600)
        #expect(throws: Never.self) { try send(to: "13900000009") }
    }

    @Test func aGatewayFailureSendsNothingAndCountsNothing() throws {
        gateway.failing = true
        #expect(throws: SmsCodeError.notSent) { try send() }
        #expect(try domain.database.latestCode(ownerDigest: owner, purposes: [.realNamePhone]) == nil)
        gateway.failing = false
        #expect(throws: Never.self) { try send() }  // no wait: the failed one did not count
    }

    @Test func oldCodesArePrunedAfterADay() throws {
        try send()
        domain.clock.advance(by: 24 * 3600 + 1)
        try service.pruneOld()
        #expect(try domain.database.latestCode(ownerDigest: owner, purposes: [.realNamePhone]) == nil)
    }
}
