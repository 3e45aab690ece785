import Foundation
import PortalTestSupport
import Testing
@testable import PortalCore

struct PlainReminderTexts: ReminderTexts {
    func text(for reminder: Reminder, language: Language) -> String { "\(language.rawValue) \(reminder.kind.rawValue)" }
}

@Suite struct ReminderServiceTests {
    let domain: TestDomain
    let gateway = RecordingGateway()
    let service: ReminderService

    init() throws {
        domain = try TestDomain()
        service = ReminderService(store: domain.database, gateway: gateway, texts: PlainReminderTexts(), clock: domain.clock)
    }

    /// A permit row for `number`, valid until `validUntil` (or canceled).
    private func importPermit(_ number: String, name: String, validUntil: String, canceled: Bool = false) throws {
        let csv = """
            permit_number,full_name,passport_number,nationality,date_of_birth,sex,employer,position,work_location,issue_date,valid_until,status
            \(number),\(name),P\(number),Germany,1990-01-01,F,E,P,W,2020-01-01,\(validUntil),\(canceled ? "canceled" : "valid")
            """
        try RegistryImporter(store: domain.database).importFile(csv, as: .permits)
    }

    @Test func theBoundariesOfThirtyDaysTodayAndYesterday() throws {
        // Today is 2026-06-01: valid until 07-01 is 30 days away (reminded), 07-02 is 31 (not), today still valid
        // but expiring, yesterday expired
        for (number, until) in [("WP3000000001", "2026-07-01"), ("WP3000000002", "2026-07-02"),
                                ("WP3000000003", "2026-06-01"), ("WP3000000004", "2026-05-31")] {
            try importPermit(number, name: "TEST PERSON", validUntil: "2030-01-01")  // registered while valid
            try domain.registerAndVerifyFace(number, name: "TEST PERSON")
            try importPermit(number, name: "TEST PERSON", validUntil: until)
        }
        #expect(try service.runAll() == 3)
        let kinds = try (1...4).map { n -> [Reminder.Kind] in
            let account = try #require(try domain.database.account(permitNumber: "WP300000000\(n)"))
            return try domain.database.reminders(accountID: account.id).map(\.kind)
        }
        #expect(kinds == [[.expiring], [], [.expiring], [.expired]])
    }

    @Test func neverTwiceAndARenewedPermitStartsAfresh() throws {
        try importPermit("WP3000000005", name: "TEST PERSON", validUntil: "2026-06-10")
        let account = try domain.registerAndVerifyFace("WP3000000005", name: "TEST PERSON")
        #expect(try service.runAll() == 1)
        #expect(try service.runAll() == 0)
        try importPermit("WP3000000005", name: "TEST PERSON", validUntil: "2026-06-20")  // renewed: a new validity
        #expect(try service.runAll() == 1)
        #expect(try domain.database.reminders(accountID: account.id).count == 2)
    }

    @Test func aCanceledPermitIsRemindedAndAnSMSGoesToAVerifiedPhoneInItsLanguage() throws {
        let john = try domain.registerAndVerifyFace(Fixtures.john, name: "JOHN SMITH")
        try domain.database.completeRealNameForTest(accountID: john.id, phone: "13800000002")
        try domain.database.setLanguage(.chinese, accountID: john.id)
        try domain.database.cancelPermit(number: Fixtures.john, reason: "test")
        #expect(try service.runAll() == 1)
        #expect(gateway.messages.map(\.text) == ["zh canceled"])
        #expect(gateway.messages.first?.to == "13800000002" && gateway.messages.first?.purpose == .permitReminder)
    }

    @Test func markReadOnlyForTheOwner() throws {
        try importPermit("WP3000000006", name: "TEST PERSON", validUntil: "2026-06-10")
        let account = try domain.registerAndVerifyFace("WP3000000006", name: "TEST PERSON")
        try service.runAll()
        let reminder = try #require(try domain.database.reminders(accountID: account.id).first)
        try domain.database.markRead(reminderID: reminder.id, accountID: account.id + 1, at: Fixtures.now)
        #expect(try domain.database.reminders(accountID: account.id).first?.readAt == nil)
        try service.markRead(reminder.id, account: account)
        #expect(try domain.database.reminders(accountID: account.id).first?.readAt == Fixtures.now)
    }
}
