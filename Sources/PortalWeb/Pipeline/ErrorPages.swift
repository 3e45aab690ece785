import HTTPTypes
import PortalCore

/// The one place where failures become pages: each with its status, a heading and what to do next.
public struct ErrorPages: Sendable {
    public enum Failure: Equatable, Sendable, CaseIterable {
        case notFound, methodNotAllowed, badRequest, csrf, tooLarge, busy, internalError
        /// Answered by nginx itself, from pages rendered at start-up (`portal error-pages`).
        case tooManyRequests, unavailable

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

    /// The pages nginx answers with on its own (too large, rate limited, app down), by file name, per language.
    static let nginxPages: [(file: String, failure: Failure)] = [
        ("413.html", .tooLarge), ("429.html", .tooManyRequests), ("502.html", .unavailable),
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
            try nginxPages.map { page in
                let chrome = PageChrome(language: language, route: .home)
                return ("\(language.rawValue)/\(page.file)", try renderer.render(Page(page.failure), chrome: chrome))
            }
        }
    }
}
