import Foundation

/// A request as the controllers see it: plain values, no FastCGI, so tests build one directly.
public struct HTTPRequest: Sendable {
    public var method: String
    public var path: String
    public var query: String
    /// Header names in lower case.
    public var headers: [String: String]
    public var body: [UInt8]
    /// The body was larger than the server accepts; it was not read.
    public var bodyTooLarge: Bool
    public var remoteAddress: String?
    /// The browser reached nginx over TLS, so cookies must be `Secure`.
    public var isHTTPS: Bool

    public init(method: String, path: String, query: String = "", headers: [String: String] = [:],
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

    /// Builds the request from the CGI parameters nginx passes (`REQUEST_METHOD`, `HTTP_COOKIE`, …).
    public init(cgiParameters params: [String: String], body: [UInt8], bodyTooLarge: Bool) {
        var headers: [String: String] = [:]
        for (name, value) in params where name.hasPrefix("HTTP_") {
            headers[Self.headerName(fromCGI: name)] = value
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { headers["content-type"] = type }
        let uri = params["REQUEST_URI"] ?? "/"
        let pathPart = uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)
        self.init(method: params["REQUEST_METHOD"] ?? "GET",
                  path: params["DOCUMENT_URI"] ?? pathPart ?? "/",
                  query: params["QUERY_STRING"] ?? "",
                  headers: headers, body: body, bodyTooLarge: bodyTooLarge,
                  remoteAddress: params["REMOTE_ADDR"],
                  isHTTPS: params["HTTPS"].map { !$0.isEmpty && $0.lowercased() != "off" } ?? false)
    }

    /// `HTTP_USER_AGENT` → `user-agent`, on bytes (Foundation's string replacing was a tenth of a page view).
    static func headerName(fromCGI name: String) -> String {
        String(decoding: name.utf8.dropFirst(5).map { byte -> UInt8 in
            switch byte {
            case UInt8(ascii: "_"): UInt8(ascii: "-")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
            default: byte
            }
        }, as: UTF8.self)
    }

    /// Cookies by name; when a name repeats, the first wins (the most specific path, per RFC 6265).
    public var cookies: [String: String] {
        guard let header = headers["cookie"] else { return [:] }
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
