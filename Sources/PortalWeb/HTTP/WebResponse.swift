import HTTPTypes

/// A response before the FastCGI layer writes it: swift-http-types' head (status, header fields) and the body.
public struct WebResponse: Sendable {
    public var head: HTTPResponse
    public var body: [UInt8]

    public init(status: HTTPResponse.Status, headers: HTTPFields = [:], body: [UInt8] = []) {
        head = HTTPResponse(status: status, headerFields: headers)
        self.body = body
    }

    public var status: Int { head.status.code }
    public var headers: HTTPFields {
        get { head.headerFields }
        set { head.headerFields = newValue }
    }

    /// An HTML page. App pages are never cached: they carry forms, tokens or personal data.
    public static func html(_ page: String, status: HTTPResponse.Status = .ok) -> WebResponse {
        WebResponse(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                    body: Array(page.utf8))
    }

    /// 303 See Other: after a POST the browser fetches the next page with GET.
    public static func redirect(to route: Route) -> WebResponse {
        WebResponse(status: .seeOther, headers: [.location: route.path, .cacheControl: "no-store"])
    }

    /// The first value of the header `name` (any case).
    public func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { head.headerFields[$0] }
    }

    /// Every value of the header `name`, in order (several `Set-Cookie`, say).
    public func headerValues(_ name: String) -> [String] {
        HTTPField.Name(name).map { head.headerFields[values: $0] } ?? []
    }

    public func adding(_ cookie: Cookie?) -> WebResponse {
        guard let cookie else { return self }
        var copy = self
        copy.head.headerFields.append(HTTPField(name: .setCookie, value: cookie.headerValue))
        return copy
    }
}
