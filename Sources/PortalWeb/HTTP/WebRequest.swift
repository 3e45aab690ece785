import HTTPTypes

/// A request as the controllers see it: plain values in swift-http-types' vocabulary, no FastCGI, so tests
/// build one directly.
public struct WebRequest: Sendable {
    public var method: HTTPRequest.Method
    public var path: String
    public var query: String
    /// Case-insensitive header fields.
    public let headers: HTTPFields
    /// Reads the body from the web server; the pipeline calls it only once method and access allow the request.
    /// nil when the body is larger than the server accepts.
    public let readBody: @Sendable () -> [UInt8]?
    /// The web server declared a body larger than the server accepts; it is never read.
    public var bodyTooLarge: Bool
    public var remoteAddress: String?
    /// The browser reached nginx over TLS, so cookies must be `Secure`.
    public var isHTTPS: Bool
    /// Cookies by name, read once: the language, the session, CSRF and the reset all look at them.
    public let cookies: [String: String]

    public init(method: HTTPRequest.Method, path: String, query: String = "", headers: HTTPFields = [:],
                body: [UInt8] = [], bodyTooLarge: Bool = false, remoteAddress: String? = nil, isHTTPS: Bool = false) {
        self.init(method: method, path: path, query: query, headers: headers, readBody: { body },
                  bodyTooLarge: bodyTooLarge, remoteAddress: remoteAddress, isHTTPS: isHTTPS)
    }

    public init(method: HTTPRequest.Method, path: String, query: String = "", headers: HTTPFields = [:],
                readBody: @escaping @Sendable () -> [UInt8]?, bodyTooLarge: Bool = false, remoteAddress: String? = nil,
                isHTTPS: Bool = false) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.readBody = readBody
        self.bodyTooLarge = bodyTooLarge
        self.remoteAddress = remoteAddress
        self.isHTTPS = isHTTPS
        cookies = Self.cookies(in: headers[.cookie])
    }

    /// The portal's cookie `name` as this request's scheme stores it (`__Host-` over HTTPS, see `Cookie`);
    /// over HTTPS an unprefixed copy is ignored, since anyone on a neighbouring host could have planted it.
    public func cookie(_ name: String) -> String? {
        cookies[Cookie.storedName(name, secure: isHTTPS)]
    }

    /// Cookies by name; when a name repeats, the first wins (the most specific path, per RFC 6265).
    /// Read on bytes: Foundation's trimming cost more than the rest of the request's decoding.
    static func cookies(in header: String?) -> [String: String] {
        guard let header else { return [:] }
        var cookies: [String: String] = [:]
        for pair in header.utf8.split(separator: UInt8(ascii: ";")) {
            guard let equals = pair.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let name = trimmed(pair[..<equals]), value = trimmed(pair[pair.index(after: equals)...])
            guard !name.isEmpty else { continue }
            let key = String(decoding: name, as: UTF8.self)
            if cookies[key] == nil { cookies[key] = String(decoding: value, as: UTF8.self) }
        }
        return cookies
    }

    private static func trimmed(_ bytes: Substring.UTF8View.SubSequence) -> Substring.UTF8View.SubSequence {
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }
}
