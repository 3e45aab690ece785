import HTTPTypes
import PortalCore

/// The one place where failures become pages: each with its status, a heading and what to do next.
public struct ErrorPages: Sendable {
    public enum Failure: Equatable, Sendable, CaseIterable {
        case notFound, methodNotAllowed, badRequest, csrf, tooLarge, busy, internalError
        /// Answered by nginx itself, from pages rendered at start-up (`portal error-pages`).
        case tooManyRequests, unavailable, forbidden, timeout, uriTooLong, requestRefused

        var status: HTTPResponse.Status {
            switch self {
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .badRequest: .badRequest
            case .csrf: .forbidden
            case .tooLarge: .contentTooLarge
            case .busy: .serviceUnavailable
            case .internalError: .internalServerError
            case .tooManyRequests: .tooManyRequests
            case .unavailable: .badGateway
            case .forbidden: .forbidden
            case .timeout: .requestTimeout
            case .uriTooLong: .uriTooLong
            case .requestRefused: .badRequest
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
            case .tooManyRequests: "too_many_requests"
            case .unavailable: "unavailable"
            case .forbidden: "forbidden"
            case .timeout: "timeout"
            case .uriTooLong: "uri_too_long"
            case .requestRefused: "request_refused"
            }
        }
    }

    /// An error page's content: the failure's heading and what to do next.
    struct Page: PageContent {
        let failure: Failure
        let heading: UserMessage
        let body: UserMessage

        init(_ failure: Failure) {
            self.failure = failure
            heading = UserMessage("errors.\(failure.key).title")
            body = UserMessage("errors.\(failure.key).body")
        }

        var template: Template { .error }
        var title: UserMessage { heading }
    }

    /// Every status nginx can answer by itself (a malformed request, a bad Host, TRACE, an over-long address, a
    /// missing static file, too large, rate limited, the app down…) and the page it answers with: the portal's own,
    /// in the visitor's language, rendered at start-up (`portal error-pages`, per language) and named in nginx's
    /// config by `portal nginx-routes` (NginxRouteConfig).
    public static let nginxStatuses: [(status: Int, failure: Failure)] = [
        (400, .requestRefused), (403, .forbidden), (404, .notFound), (405, .methodNotAllowed), (408, .timeout),
        (411, .requestRefused), (413, .tooLarge), (414, .uriTooLong), (416, .requestRefused), (429, .tooManyRequests),
        (494, .requestRefused), (500, .internalError), (501, .requestRefused), (502, .unavailable),
        (503, .unavailable), (504, .unavailable), (505, .requestRefused),
    ]

    let pages: PageResponder
    let log: @Sendable (String) -> Void

    func respond(_ failure: Failure, in context: RequestContext, allow: String? = nil) -> WebResponse {
        var response: WebResponse
        do {
            response = try pages.respond(Page(failure), in: context, status: failure.status)
        } catch {
            // The error page itself failed to render: say so plainly rather than answer nothing.
            log("error: the \(failure.key) page could not be rendered: \(error)")
            response = WebResponse(status: .internalServerError, headers: [.contentType: "text/plain; charset=utf-8"],
                                   body: Array("500 Internal Server Error\n".utf8))
        }
        if let allow { response.headers[.allow] = allow }
        if failure == .busy { response.headers[.retryAfter] = "2" }
        return response
    }

    /// nginx's pages (`<language>/<status>.html`), rendered from the same template and catalogues as the app's own
    /// error pages, so nginx can answer in the visitor's language too.
    public static func renderNginxPages(with renderer: PageRenderer) throws -> [(file: String, html: String)] {
        try Language.allCases.flatMap { language in
            try nginxStatuses.map { page in
                let chrome = PageChrome(language: language, route: .home)
                return ("\(language.rawValue)/\(page.status).html", try renderer.render(Page(page.failure), chrome: chrome))
            }
        }
    }
}
