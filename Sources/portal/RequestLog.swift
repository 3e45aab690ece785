import Foundation

/// One line per request on standard error (`<time> <METHOD> <path> <status> <ms>ms`), which the run script
/// sends to `$PORTAL_DATA/portal.log`. The query string is left out: it may carry personal data.
enum RequestLog {
    static func record(_ params: [String: String], status: Int, since started: DispatchTime) {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        let path = params["DOCUMENT_URI"] ?? params["REQUEST_URI"] ?? "-"
        write(String(format: "%@ %@ %@ %d %.1fms", timestamp(), params["REQUEST_METHOD"] ?? "-", path, status, elapsed))
    }

    @Sendable static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601)
    }
}
