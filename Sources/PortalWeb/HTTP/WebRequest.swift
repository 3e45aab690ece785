import HTTPTypes

/// A request as the controllers see it: plain values in swift-http-types' vocabulary, no FastCGI, so tests
/// build one directly.
public struct WebRequest: Sendable {
    public var method: HTTPRequest.Method
    public var path: String
    public var query: String
    /// Case-insensitive header fields.
    public var headers: HTTPFields
    public var body: [UInt8]
    /// The body was larger than the server accepts; it was not read.
    public var bodyTooLarge: Bool
    public var remoteAddress: String?
    /// The browser reached nginx over TLS, so cookies must be `Secure`.
    public var isHTTPS: Bool

    public init(method: HTTPRequest.Method, path: String, query: String = "", headers: HTTPFields = [:],
                body: [UInt8] = [], bodyTooLarge: Bool = false, remoteAddress: String? = nil, isHTTPS: Bool = false) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.bodyTooLarge = bodyTooLarge
        self.remoteAddress = remoteAddress
        self.isHTTPS = isHTTPS
    }

    /// Cookies by name; when a name repeats, the first wins (the most specific path, per RFC 6265).
    public var cookies: [String: String] {
        guard let header = headers[.cookie] else { return [:] }
        var cookies: [String: String] = [:]
        for pair in header.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let name = parts[0].trimmingCharacters(in: .whitespaces)
            if cookies[name] == nil { cookies[name] = parts[1].trimmingCharacters(in: .whitespaces) }
        }
        return cookies
    }
}
