import Foundation
import Glibc

/// Development stand-in for the SMS gateway: every message is appended as one JSON object per line to
/// `sms-outbox.jsonl` in the data folder (the contract's format), where the outbox page and the tests read it.
/// Like a real gateway it can fail: while a file named `sms-fail` exists in the data folder, every send throws,
/// so the failure path can be tried end to end.
public final class DevelopmentSmsGateway: SmsGateway, SmsOutbox, Sendable {
    public let outboxPath: String
    public let failFlagPath: String

    public init(dataDirectory: URL) {
        outboxPath = dataDirectory.appendingPathComponent("sms-outbox.jsonl").path
        failFlagPath = dataDirectory.appendingPathComponent("sms-fail").path
    }

    public func send(_ message: SmsMessage) throws(SmsGatewayError) {
        guard access(failFlagPath, F_OK) != 0 else { throw .unavailable("development gateway told to fail (\(failFlagPath))") }
        let line = Self.jsonLine(message)
        // One write(2) of the whole line with O_APPEND: lines from parallel requests never interleave.
        let descriptor = open(outboxPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .unavailable("cannot open \(outboxPath): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw .unavailable("cannot write \(outboxPath)") }
    }

    public func messages() throws -> [SmsMessage] {
        guard let data = FileManager.default.contents(atPath: outboxPath) else { return [] }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { Self.message(fromJSON: Data($0)) }.reversed()
    }

    /// `{"to": "...", "text": "...", "code": "123456", "purpose": "...", "sent_at": "ISO-8601"}` and a newline.
    static func jsonLine(_ message: SmsMessage) -> String {
        let object: [String: String] = ["to": message.to, "text": message.text, "code": message.code,
                                        "purpose": message.purpose.rawValue,
                                        "sent_at": ISO8601DateFormatter().string(from: message.sentAt)]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func message(fromJSON data: Data) -> SmsMessage? {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: String],
              let to = object["to"], let text = object["text"], let code = object["code"],
              let purpose = object["purpose"].flatMap(SmsPurpose.init(rawValue:)),
              let sentAt = object["sent_at"].flatMap({ ISO8601DateFormatter().date(from: $0) }) else { return nil }
        return SmsMessage(to: to, text: text, code: code, purpose: purpose, sentAt: sentAt)
    }
}
