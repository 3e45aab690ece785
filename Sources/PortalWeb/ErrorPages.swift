import HTTPTypes
import PortalCore

/// The one place where failures become pages: each with its status, a heading and what to do next.
public struct ErrorPages: Sendable {
    public enum Failure: Equatable, Sendable {
        case notFound, methodNotAllowed(allow: String), badRequest, csrf, tooLarge, busy, internalError
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

    /// The pages nginx answers with on its own (too large, rate limited, app down), by file name.
    static let nginxPages: [(file: String, failure: Failure)] = [
        ("413.html", .tooLarge), ("429.html", .tooManyRequests), ("502.html", .unavailable),
    ]

    let pages: PageResponder

    func respond(_ failure: Failure, in context: RequestContext) -> WebResponse {
        var response = pages.respondWithoutSession(Self.page(failure, messages: pages.messages), in: context,
                                                   status: failure.status)
        if case .methodNotAllowed(let allow) = failure { response.headers[.allow] = allow }
        if failure == .busy { response.headers[.retryAfter] = "2" }
        return response
    }

    static func page(_ failure: Failure, messages: MessageCatalogue) -> Page {
        Page(template: "errors/error", titleKey: "errors.\(failure.key).title", values: [
            "heading": messages.text("errors.\(failure.key).title"),
            "body": messages.text("errors.\(failure.key).body"),
        ])
    }

    /// The nginx pages rendered from the same template and catalogue as the app's own error pages,
    /// so their words can be translated like every other sentence.
    public static func renderNginxPages(with renderer: PageRenderer) -> [(file: String, html: String)] {
        nginxPages.map { ($0.file, renderer.render(page($0.failure, messages: renderer.messages))) }
    }
}
