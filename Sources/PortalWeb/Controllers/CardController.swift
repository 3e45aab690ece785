import Foundation
import PortalCore

/// The e-Social Security Card page a signed-in holder lands on.
struct CardController: Sendable {
    let pages: PageResponder

    /// Where a signed-in account belongs: facial recognition until it is done, the card page after.
    static func landing(for account: Account) -> Route {
        account.state == .pendingFace ? .faceRecognition : .card
    }

    func show(_ context: RequestContext) throws -> WebResponse {
        guard let account = context.account else { return .redirect(to: .permitLogin) }
        guard account.state != .pendingFace else { return .redirect(to: .faceRecognition) }
        var values: [String: Any] = [
            "full_name": account.fullName,
            "permit_number_masked": PermitNumber.masked(account.permitNumber),
            // Read aloud instead of a row of asterisks.
            "permit_number_spoken": pages.messages.text(UserMessage("card.permit_number_ending",
                                                                    ["digits": String(account.permitNumber.suffix(4))])),
            "real_name_required": account.state == .pendingRealName,
        ]
        if let collected = account.collectedAt { values["collected_on"] = CalendarDay(containing: collected).description }
        return try pages.respond(Page(template: "card/show", titleKey: "card.title", values: values), in: context)
    }
}
