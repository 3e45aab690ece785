import Foundation
import Glibc

/// One line per request on standard error (`<UTC time> <METHOD> <path> <status> <ms>ms`), which the run script
/// sends to `$PORTAL_DATA/portal.log`. The query string is left out (it may carry personal data) and control
/// characters in the path are escaped, so a crafted URL cannot forge log lines. Built without Foundation's
/// formatters, which cost more than rendering a page.
enum RequestLog {
    static func record(_ params: [String: String], status: Int, since started: DispatchTime) {
        let micros = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1000
        let path = escaped(params["DOCUMENT_URI"] ?? params["REQUEST_URI"] ?? "-")
        let method = escaped(params["REQUEST_METHOD"] ?? "-")
        let fraction = micros % 1000 / 100
        write("\(timestamp()) \(method) \(path) \(status) \(micros / 1000).\(fraction)ms")
    }

    /// One write(2) of the whole line (FileHandle and Data cost a twentieth of a page view).
    @Sendable static func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in _ = Glibc.write(STDERR_FILENO, buffer.baseAddress, buffer.count) }
    }

    /// `2026-11-27T01:32:10Z`.
    static func timestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 24)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Control, format and line-separator characters, and the backslash itself, as `\u{…}` escapes, so what
    /// the log shows is what was sent and one request stays one line.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscaping) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscaping(scalar) {
                result += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: true
        default: scalar == "\\"
        }
    }
}
