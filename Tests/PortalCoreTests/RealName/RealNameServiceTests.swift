import Foundation
import PortalTestSupport
import Testing
@testable import PortalCore

@Suite struct RealNameServiceTests {
    let domain: TestDomain
    let gateway = RecordingGateway()
    let service: RealNameService
    let john: Account
    let owner = SecureToken.digest("john's session")

    init() throws {
        domain = try TestDomain()
        john = try domain.registerAndVerifyFace(Fixtures.john, name: "JOHN SMITH")
        service = domain.realName(gateway, texts: PlainTexts()).0
    }

    private func bankCard(name: String = "john  smith", passport: String = "533380006",
                          card: String = "6222 0200 0000 0000 026", phone: String = "+86 138-0000-0002")
        -> RealNameService.BankCardForm {
        .init(fullName: name, passportNumber: passport, bankCardNumber: card, phone: phone)
    }

    private func sendBankCard(_ form: RealNameService.BankCardForm) throws {
        try service.sendBankCardCode(form, account: john, ownerDigest: owner, language: .english, remoteAddress: nil)
    }

    @Test func theBanksConfirmationSendsACodeWhichCompletesRegistrationInOneStep() throws {
        // Given John's own card, name, passport and the phone the bank has
        try sendBankCard(bankCard())
        // Then a code went to that phone
        let message = try #require(gateway.messages.last)
        #expect(message.to == "13800000002" && message.purpose == .realNameBankCard)
        // When he enters it
        try service.complete(code: message.code, account: john, ownerDigest: owner, remoteAddress: "203.0.113.9")
        // Then the card is collected, with the method, the phone and the time recorded, and the event audited
        let account = try #require(try domain.database.account(id: john.id))
        #expect(account.state == .active && account.collectedAt == Fixtures.now)
        #expect(account.realNameMethod == .bankCard && account.verifiedPhone == "13800000002")
        #expect(try domain.database.events(kind: .realNameVerified).map(\.accountID) == [john.id])
        // and the same code cannot be used again
        #expect(throws: SmsCodeError.used) {
            try service.complete(code: message.code, account: john, ownerDigest: owner, remoteAddress: nil)
        }
    }

    @Test func everyFieldIsCheckedBeforeAnythingIsSent() throws {
        #expect(throws: RealNameError.invalid([
            FieldProblem("full_name", UserMessage("real_name.full_name.mismatch")),
            FieldProblem("passport_number", UserMessage("real_name.passport.mismatch")),
            FieldProblem("bank_card_number", UserMessage("real_name.card.check_digit")),
            FieldProblem("phone", UserMessage("real_name.phone.format")),
        ])) {
            try sendBankCard(bankCard(name: "ANNA SCHMIDT", passport: "C01X00T47", card: "6222020000000000003", phone: "12345"))
        }
        #expect(throws: RealNameError.invalid([FieldProblem("bank_card_number", UserMessage("real_name.card.not_union_pay"))])) {
            try sendBankCard(bankCard(card: "4111 1111 1111 1111"))
        }
        #expect(gateway.messages.isEmpty)
        #expect(try domain.database.attempts(.realName, accountID: john.id) == Attempts())
    }

    @Test func aCardOrPhoneTheBankDoesNotConfirmSaysOnlyThatAndCountsTowardALock() throws {
        // A valid UnionPay number that is not John's, and John's card with another phone
        #expect(throws: RealNameError.notVerified(field: "bank_card_number")) {
            try sendBankCard(bankCard(card: "6212345678901232"))
        }
        #expect(throws: RealNameError.notVerified(field: "bank_card_number")) {
            try sendBankCard(bankCard(phone: "13900000000"))
        }
        #expect(gateway.messages.isEmpty)
        for _ in 1...2 { _ = try? sendBankCard(bankCard(card: "6212345678901232")) }
        let until = Fixtures.now.addingTimeInterval(15 * 60)
        #expect(throws: RealNameError.locked(until: until, field: "bank_card_number")) {
            try sendBankCard(bankCard(card: "6212345678901232"))
        }
        // While locked, even the right details are refused before the bank is asked
        #expect(throws: RealNameError.locked(until: until, field: "phone")) {
            try service.sendPhoneCode("13800000002", account: john, ownerDigest: owner, language: .english, remoteAddress: nil)
        }
        #expect(try domain.database.events(kind: .realNameLocked).count == 1)
    }

    @Test func theOperatorsConfirmationOfThePhoneSendsTheCode() throws {
        #expect(throws: RealNameError.notVerified(field: "phone")) {
            try service.sendPhoneCode("139 0000 0000", account: john, ownerDigest: owner, language: .english, remoteAddress: nil)
        }
        try service.sendPhoneCode("138 0000 0002", account: john, ownerDigest: owner, language: .english, remoteAddress: nil)
        let message = try #require(gateway.messages.last)
        #expect(message.purpose == .realNamePhone)
        try service.complete(code: message.code, account: john, ownerDigest: owner, remoteAddress: nil)
        #expect(try domain.database.account(id: john.id)?.realNameMethod == .phone)
    }

    @Test func resendGoesToTheSamePhoneForTheSamePurposeAfterTheInterval() throws {
        try sendBankCard(bankCard())
        #expect(throws: SmsCodeError.wait(until: Fixtures.now.addingTimeInterval(60))) {
            try service.resend(account: john, ownerDigest: owner, language: .english)
        }
        domain.clock.advance(by: 60)
        try service.resend(account: john, ownerDigest: owner, language: .english)
        #expect(gateway.messages.map(\.purpose) == [.realNameBankCard, .realNameBankCard])
        #expect(gateway.messages.map(\.to) == ["13800000002", "13800000002"])
    }
}
