import Foundation
import PortalTestSupport
import Testing
@testable import PortalCore

@Suite struct DevelopmentSmsGatewayTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func eachMessageIsOneJSONLineOfTheContractsFieldsAndTheOutboxListsNewestFirst() throws {
        let data = try folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let gateway = DevelopmentSmsGateway(dataDirectory: data)
        let first = SmsMessage(to: "13800000002", text: "code 123456 \"quoted\"\nnext", code: "123456",
                               purpose: .realNamePhone, sentAt: Fixtures.now)
        let second = SmsMessage(to: "13800000003", text: "重置 654321", code: "654321", purpose: .passwordReset,
                                sentAt: Fixtures.now.addingTimeInterval(60))
        try gateway.send(first)
        try gateway.send(second)
        let lines = try String(contentsOfFile: gateway.outboxPath, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: String])
        #expect(Set(object.keys) == ["to", "text", "code", "purpose", "sent_at"])
        #expect(object["code"] == "123456" && object["purpose"] == "real_name_phone" && object["to"] == "13800000002")
        #expect(object["sent_at"] == "2026-06-01T02:00:00Z")
        #expect(try gateway.messages() == [second, first])
    }

    @Test func whileTheFailFlagExistsNothingIsSent() throws {
        let data = try folder()
        defer { try? FileManager.default.removeItem(at: data) }
        let gateway = DevelopmentSmsGateway(dataDirectory: data)
        FileManager.default.createFile(atPath: gateway.failFlagPath, contents: Data())
        let message = SmsMessage(to: "13800000002", text: "t", code: "1", purpose: .realNamePhone, sentAt: Fixtures.now)
        #expect(throws: SmsGatewayError.self) { try gateway.send(message) }
        #expect(try gateway.messages().isEmpty)
        try FileManager.default.removeItem(atPath: gateway.failFlagPath)
        try gateway.send(message)
        #expect(try gateway.messages() == [message])
    }
}
