extension FastCGIResponse {
    /// The CGI response head: `Status: 303 See Other\r\nName: value\r\n...\r\n\r\n`.
    ///
    /// CR and LF are removed from names and values: a value that carried user input
    /// (a redirect target, a file name) must never be able to start a header or the body of its own.
    package var head: [UInt8] {
        var text = "Status: \(status)"
        if let phrase = Self.reasonPhrase(for: status) {
            text += " \(phrase)"
        }
        text += "\r\n"
        for header in headers {
            text += "\(Self.singleLine(header.name)): \(Self.singleLine(header.value))\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    /// The RFC 9110 reason phrase for the codes this portal uses; nil for the rest, which nginx accepts bare.
    package static func reasonPhrase(for status: Int) -> String? {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 303: "See Other"
        case 304: "Not Modified"
        case 307: "Temporary Redirect"
        case 308: "Permanent Redirect"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: nil
        }
    }

    private static func singleLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) else { return text }
        return String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }
}
