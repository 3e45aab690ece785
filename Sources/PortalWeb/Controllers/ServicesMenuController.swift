import PortalCore

/// The guide's path to work-permit services: `Human Resources and Social Security Services` → `Talent Affairs` →
/// `Foreigners holding Work Permits`, where the holder enters the work permit number.
struct ServicesMenuController: Sendable {
    struct MenuPage: PageContent {
        let step: Template
        let nextHref: String
        let cardHref = Route.card.path
        var template: Template { step }
        var title: UserMessage { UserMessage(step == .hrServices ? "services.hr" : "services.talent") }
    }

    struct NumberPage: PageContent {
        let form: FormView?
        let action = Route.workPermitServices.path
        var template: Template { .permitNumber }
        var title: UserMessage { UserMessage("services.work_permit") }
    }

    let pages: PageResponder
    let services: PermitServicesService

    func hr(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(MenuPage(step: .hrServices, nextHref: Route.talentAffairs.path), in: context.base)
    }

    func talent(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(MenuPage(step: .talentAffairs, nextHref: Route.workPermitServices.path), in: context.base)
    }

    func showNumber(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(NumberPage(form: form()), in: context.base)
    }

    func submitNumber(_ context: AccountContext) throws -> WebResponse {
        do {
            try services.confirmPermitNumber(context.form.text("permit_number"), account: context.account,
                                             remoteAddress: context.request.remoteAddress)
            return .redirect(to: .pin)
        } catch let error as PermitServicesError {
            let shown = form(values: context.base.typedValues).showing(error.problems)
            return try pages.respond(NumberPage(form: shown), in: context.base)
        }
    }

    private func form(values: [String: String] = [:]) -> FormView {
        FormView(fields: [.init("permit_number", autocomplete: "off", width: "20")], values: values)
    }
}
