import PortalCore

/// Registration (guide section 2, step 4): full name, permit number and a login password.
struct RegistrationController: Sendable {
    let pages: PageResponder
    let registration: RegistrationService

    func show(_ context: RequestContext) throws -> WebResponse {
        if let account = context.account { return .redirect(to: CardController.landing(for: account)) }
        return try pages.respond(page(form()), in: context)
    }

    func submit(_ context: RequestContext) throws -> WebResponse {
        if let account = context.account { return .redirect(to: CardController.landing(for: account)) }
        let form = context.form
        let typed = RegistrationForm(fullName: form.text("full_name"), permitNumber: form.text("permit_number"),
                                     password: form.secret("password"), passwordConfirm: form.secret("password_confirm"))
        do {
            let (_, session) = try registration.register(typed, replacingSession: context.session?.tokenDigest,
                                                         remoteAddress: context.request.remoteAddress)
            return pages.redirect(to: .faceRecognition, newSession: session, in: context)
        } catch RegistrationError.invalid(let problems) {
            return try pages.respond(page(self.form(values: context.typedValues).showing(problems)), in: context)
        }
    }

    private func form(values: [String: String] = [:]) -> FormView {
        FormView(fields: [
            .init("full_name", autocomplete: "name", width: "30"),
            .init("permit_number", autocomplete: "off", width: "20"),
            .init("password", type: "password", autocomplete: "new-password", keepsValue: false),
            .init("password_confirm", type: "password", autocomplete: "new-password", keepsValue: false),
        ], values: values)
    }

    private func page(_ form: FormView) -> Page {
        Page(template: "registration/form", titleKey: "registration.title", form: form,
             values: ["action": Route.registration.path])
    }
}
