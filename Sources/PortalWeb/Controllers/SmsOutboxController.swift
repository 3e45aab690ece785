import Foundation
import PortalCore

/// The development SMS gateway's outbox, newest first, so a tester can read the codes. Only a development
/// gateway has one; in production the page does not exist (404).
struct SmsOutboxController: Sendable {
    struct Page: PageContent {
        let messages: [[String: String]]
        let empty: Bool
        var template: Template { .smsOutbox }
        var title: UserMessage { UserMessage("development.sms.title") }
    }

    let pages: PageResponder
    let outbox: (any SmsOutbox)?

    func show(_ context: RequestContext) throws -> WebResponse {
        guard let outbox else { throw PipelineError.notFound }
        let formatter = ISO8601DateFormatter()
        let messages = try outbox.messages().map { message in
            ["to": message.to, "code": message.code, "purpose": message.purpose.rawValue,
             "sentAt": formatter.string(from: message.sentAt), "text": message.text]
        }
        return try pages.respond(Page(messages: messages, empty: messages.isEmpty), in: context)
    }
}
