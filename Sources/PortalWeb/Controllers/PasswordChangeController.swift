import PortalCore

/// `Change password` (signed in): the current password and a new one; the other sessions end and this one moves to
/// a new id.
struct PasswordChangeController: Sendable {
    struct Page: PageContent {
        let form: FormView?
        let action = Route.changePassword.path
        let cardHref = Route.card.path
        var template: Template { .changePassword }
        var title: UserMessage { UserMessage("password_change.title") }
    }

    struct DonePage: PageContent {
        let cardHref = Route.card.path
        var template: Template { .passwordChanged }
        var title: UserMessage { UserMessage("password_change.done_title") }
    }

    let pages: PageResponder
    let change: PasswordChangeService

    func show(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(Page(form: form()), in: context.base)
    }

    func submit(_ context: AccountContext) throws -> WebResponse {
        let form = context.form
        let typed = PasswordChangeService.Form(currentPassword: form.secret("current_password"),
                                               password: form.secret("password"),
                                               passwordConfirm: form.secret("password_confirm"))
        do {
            let session = try change.change(typed, account: context.account, sessionDigest: context.session.record.tokenDigest,
                                            remoteAddress: context.request.remoteAddress)
            return pages.redirect(to: .passwordChanged, newSession: session, in: context.base)
        } catch let error as PasswordChangeError {
            return try pages.respond(Page(form: self.form().showing(error.problems)), in: context.base)
        }
    }

    func done(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(DonePage(), in: context.base)
    }

    private func form() -> FormView {
        FormView(fields: [.secret("current_password", autocomplete: "current-password")] + FormView.newPasswordFields)
    }
}
