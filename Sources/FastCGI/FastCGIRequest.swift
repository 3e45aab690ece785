/// One FastCGI request as a plain value, so handlers and their tests never see libfcgi.
public struct FastCGIRequest: Sendable {
    /// Every parameter the web server passed (REQUEST_METHOD, REQUEST_URI, HTTP_COOKIE, CONTENT_TYPE, ...).
    /// When a name is repeated the first value wins, as with libfcgi's `FCGX_GetParam`.
    public let params: [String: String]
    /// The request body, read only when the handler asks for it (`RequestBody.bytes()`).
    public let body: RequestBody

    public init(params: [String: String], body: RequestBody = RequestBody([])) {
        self.params = params
        self.body = body
    }
}
