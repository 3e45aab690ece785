import PortalCore

/// Registration (guide section 2, step 4): full name, permit number and a login password.
struct RegistrationController: Sendable {
    struct Page: PageContent {
        let form: FormView?
        let action = Route.registration.path
        var template: Template { .registration }
        var title: UserMessage { UserMessage("registration.title") }
    }

    let pages: PageResponder
    let registration: RegistrationService

    func show(_ context: RequestContext) throws -> WebResponse {
        try pages.respond(Page(form: form()), in: context)
    }

    func submit(_ context: RequestContext) throws -> WebResponse {
        let form = context.form
        let typed = RegistrationForm(fullName: form.text("full_name"), permitNumber: form.text("permit_number"),
                                     password: form.secret("password"), passwordConfirm: form.secret("password_confirm"))
        do {
            let (_, session) = try registration.register(typed, remoteAddress: context.request.remoteAddress)
            return pages.redirect(to: .faceRecognition, newSession: session, in: context)
        } catch RegistrationError.invalid(let problems) {
            return try pages.respond(Page(form: self.form(values: context.typedValues).showing(problems)), in: context)
        }
    }

    private func form(values: [String: String] = [:]) -> FormView {
        FormView(fields: [
            .init("full_name", autocomplete: "name", width: "30"),
            .init("permit_number", autocomplete: "off", width: "20"),
        ] + FormView.newPasswordFields, values: values)
    }
}
