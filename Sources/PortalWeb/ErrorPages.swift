import PortalCore

/// The one place where failures become pages: each with its status, a heading and what to do next.
struct ErrorPages: Sendable {
    enum Failure: Equatable {
        case notFound, methodNotAllowed(allow: String), badRequest, csrf, tooLarge, busy, internalError

        var status: Int {
            switch self {
            case .notFound: 404
            case .methodNotAllowed: 405
            case .badRequest: 400
            case .csrf: 403
            case .tooLarge: 413
            case .busy: 503
            case .internalError: 500
            }
        }

        var key: String {
            switch self {
            case .notFound: "not_found"
            case .methodNotAllowed: "method_not_allowed"
            case .badRequest: "bad_request"
            case .csrf: "csrf"
            case .tooLarge: "too_large"
            case .busy: "busy"
            case .internalError: "internal"
            }
        }
    }

    let pages: PageResponder

    func respond(_ failure: Failure, in context: RequestContext) -> HTTPResponse {
        let page = Page(template: "errors/error", titleKey: "errors.\(failure.key).title", values: [
            "heading": pages.messages.text("errors.\(failure.key).title"),
            "body": pages.messages.text("errors.\(failure.key).body"),
        ])
        var response = pages.respondWithoutSession(page, in: context, status: failure.status)
        if case .methodNotAllowed(let allow) = failure { response.headers.append(("Allow", allow)) }
        if failure == .busy { response.headers.append(("Retry-After", "2")) }
        return response
    }
}
