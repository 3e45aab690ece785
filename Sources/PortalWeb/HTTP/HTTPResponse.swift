/// A response before it is written out by the FastCGI layer.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page. App pages are never cached: they carry forms, tokens or personal data.
    public static func html(_ page: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status,
                     headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
                     body: Array(page.utf8))
    }

    /// 303 See Other: after a POST the browser fetches the next page with GET.
    public static func redirect(to route: Route) -> HTTPResponse {
        HTTPResponse(status: 303, headers: [("Location", route.path), ("Cache-Control", "no-store")])
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func adding(_ cookie: SessionCookie?) -> HTTPResponse {
        guard let cookie else { return self }
        var copy = self
        copy.headers.append(("Set-Cookie", cookie.headerValue))
        return copy
    }
}
