/// One FastCGI request as a plain value, so handlers and their tests never see libfcgi.
public struct FastCGIRequest: Sendable {
    /// Every parameter the web server passed (REQUEST_METHOD, REQUEST_URI, HTTP_COOKIE, CONTENT_TYPE, ...).
    /// When a name is repeated the first value wins, as with libfcgi's `FCGX_GetParam`.
    public let params: [String: String]
    /// The request body, or empty when it was larger than the server's limit.
    public let body: [UInt8]
    /// True when the body was larger than `maxBodyBytes`; the body was then read and thrown away
    /// so the web server is not cut off mid-upload, and `body` is empty.
    public let bodyExceededLimit: Bool

    public init(params: [String: String], body: [UInt8] = [], bodyExceededLimit: Bool = false) {
        self.params = params
        self.body = body
        self.bodyExceededLimit = bodyExceededLimit
    }
}
