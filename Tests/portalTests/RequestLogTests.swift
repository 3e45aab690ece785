import Testing
@testable import portal

@Suite struct RequestLogTests {
    @Test func controlAndSeparatorCharactersAndTheBackslashAreEscaped() {
        // Given a path crafted to forge a second log line
        let path = "/login\r\n2026-01-01T00:00:00Z GET /admin 200 1.0ms\u{2028}\\x\u{200B}"
        // Then it stays one line, and what was sent can be read back from the escapes
        let logged = RequestLog.escaped(path)
        #expect(!logged.contains("\n") && !logged.contains("\r") && !logged.contains("\u{2028}"))
        #expect(logged == "/login\\u{d}\\u{a}2026-01-01T00:00:00Z GET /admin 200 1.0ms\\u{2028}\\u{5c}x\\u{200b}")
        #expect(RequestLog.escaped("/card") == "/card")
    }

    @Test func theTimestampIsUTCToTheSecond() {
        let stamp = RequestLog.timestamp()
        #expect(stamp.count == 20 && stamp.hasSuffix("Z") && stamp.dropFirst(10).first == "T", "\(stamp)")
    }
}
