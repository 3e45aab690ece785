import PortalCore

/// The e-Social Security Card page a signed-in holder lands on.
struct CardController: Sendable {
    struct Page: PageContent {
        let fullName: String
        let permitNumberMasked: String
        /// Read aloud instead of a row of asterisks.
        let permitNumberSpoken: UserMessage
        let collectedOn: String?
        let changePasswordHref = Route.changePassword.path
        let servicesHref = Route.hrServices.path

        init(_ account: Account) {
            fullName = account.fullName
            permitNumberMasked = PermitNumber.masked(account.permitNumber)
            permitNumberSpoken = UserMessage("card.permit_number_ending", ["digits": String(account.permitNumber.suffix(4))])
            collectedOn = account.collectedAt.map { CalendarDay(containing: $0).description }
        }

        func values(in messages: MessageCatalogue) -> [String: Any] {
            var values: [String: Any] = ["fullName": fullName, "permitNumberMasked": permitNumberMasked,
                                         "permitNumberSpoken": messages.text(permitNumberSpoken),
                                         "changePasswordHref": changePasswordHref, "servicesHref": servicesHref]
            if let collectedOn { values["collectedOn"] = collectedOn }
            return values
        }

        var template: Template { .card }
        var title: UserMessage { UserMessage("card.title") }
    }

    let pages: PageResponder

    func show(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(Page(context.account), in: context.base)
    }
}
