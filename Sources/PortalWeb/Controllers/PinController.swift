import PortalCore

/// The 6-digit PIN of work-permit services: set on first use (`Set PIN`), asked for later (`Continue`), changed
/// with `Change PIN`. Setting or entering it unlocks permit services for this session.
struct PinController: Sendable {
    struct Page: PageContent {
        let form: FormView?
        let action: String
        let setting: Bool
        let changing: Bool
        let permitHref = Route.permit.path
        var template: Template { .pin }
        var title: UserMessage { UserMessage(changing ? "pin.change_title" : setting ? "pin.set_title" : "pin.enter_title") }
    }

    let pages: PageResponder
    let services: PermitServicesService

    func show(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(page(for: context.account), in: context.base)
    }

    func submit(_ context: AccountContext) throws -> WebResponse {
        let form = context.form, account = context.account
        let digest = context.session.record.tokenDigest, address = context.request.remoteAddress
        do {
            if account.pinHash == nil {
                try services.setPin(form.secret("pin"), confirm: form.secret("pin_confirm"), account: account,
                                    sessionDigest: digest, remoteAddress: address)
            } else {
                try services.enterPin(form.secret("pin"), account: account, sessionDigest: digest, remoteAddress: address)
            }
            return .redirect(to: .permit)
        } catch PermitServicesError.alreadySet {
            return .redirect(to: .pin)  // set in another tab: the page now asks for it
        } catch let error as PermitServicesError {
            var page = page(for: account)
            page = Page(form: page.form?.showing(error.problems), action: page.action, setting: page.setting, changing: false)
            return try pages.respond(page, in: context.base)
        }
    }

    func showChange(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(changePage(problems: []), in: context.base)
    }

    func submitChange(_ context: AccountContext) throws -> WebResponse {
        let form = context.form
        do {
            try services.changePin(current: form.secret("current_pin"), pin: form.secret("pin"),
                                   confirm: form.secret("pin_confirm"), account: context.account,
                                   sessionDigest: context.session.record.tokenDigest,
                                   remoteAddress: context.request.remoteAddress)
            return .redirect(to: .permit)
        } catch let error as PermitServicesError {
            return try pages.respond(changePage(problems: error.problems), in: context.base)
        }
    }

    private func page(for account: Account) -> Page {
        let setting = account.pinHash == nil
        let fields: [FormView.Field] = setting ? [pinField("pin"), pinField("pin_confirm")] : [pinField("pin")]
        return Page(form: FormView(fields: fields), action: Route.pin.path, setting: setting, changing: false)
    }

    private func changePage(problems: [FieldProblem<String>]) -> Page {
        let form = FormView(fields: [pinField("current_pin"), pinField("pin"), pinField("pin_confirm")]).showing(problems)
        return Page(form: form, action: Route.changePin.path, setting: false, changing: true)
    }

    private func pinField(_ name: String) -> FormView.Field {
        .init(name, type: "password", autocomplete: "off", inputMode: "numeric", keepsValue: false, width: "10")
    }
}
