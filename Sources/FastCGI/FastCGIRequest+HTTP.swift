import HTTPTypes

/// The request as HTTP sees it, read from the CGI parameters nginx passes: the method, the path nginx routed on,
/// the query and the headers as swift-http-types' case-insensitive fields.
extension FastCGIRequest {
    /// `REQUEST_METHOD`; nil when it is missing or not a valid method token.
    public var method: HTTPRequest.Method? {
        params["REQUEST_METHOD"].flatMap { HTTPRequest.Method($0) }
    }

    /// `DOCUMENT_URI` (decoded and normalised by nginx), else the path part of `REQUEST_URI`.
    public var path: String {
        if let path = params["DOCUMENT_URI"] { return path }
        let uri = params["REQUEST_URI"] ?? "/"
        // On bytes: as Characters, "?" followed by a combining mark is not "?" (the fuzzer's find).
        guard let mark = uri.utf8.firstIndex(of: UInt8(ascii: "?")) else { return uri }
        return String(decoding: uri.utf8[..<mark], as: UTF8.self)
    }

    public var query: String { params["QUERY_STRING"] ?? "" }

    public var remoteAddress: String? { params["REMOTE_ADDR"] }

    /// The browser reached nginx over TLS (nginx passes `HTTPS=on`).
    public var isHTTPS: Bool {
        params["HTTPS"].map { !$0.isEmpty && $0.lowercased() != "off" } ?? false
    }

    /// `HTTP_*` parameters and `CONTENT_TYPE` as header fields; names nginx could not have sent are skipped.
    public var headerFields: HTTPFields {
        var fields = HTTPFields()
        for (name, value) in params where name.hasPrefix("HTTP_") {
            guard let fieldName = HTTPField.Name(Self.headerName(fromCGI: name)) else { continue }
            fields.append(HTTPField(name: fieldName, value: value))
        }
        if let type = params["CONTENT_TYPE"], !type.isEmpty { fields[.contentType] = type }
        return fields
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
}
