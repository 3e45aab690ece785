import PortalCore

/// The two login pages of the guide: by social-security number, and the portal for foreigners holding a
/// Work Permit (by permit number). Both take the login password.
struct LoginController: Sendable {
    typealias Portal = LoginPortal

    struct Page: PageContent {
        let portal: Portal
        let form: FormView?
        let action: String
        let permitLoginHref = Route.permitLogin.path
        let registrationHref = Route.registration.path
        let forgotHref: String

        init(_ portal: Portal, form: FormView) {
            self.portal = portal
            self.form = form
            action = portal.route.path
            forgotHref = Route.forgotPassword(portal).path
        }

        var template: Template { portal.template }
        var title: UserMessage { UserMessage("login.title") }
    }

    let pages: PageResponder
    let login: LoginService
    let reminders: ReminderService
    let permits: PermitServicesService

    func show(_ portal: Portal, _ context: RequestContext) throws -> WebResponse {
        try pages.respond(Page(portal, form: form(portal)), in: context)
    }

    func submit(_ portal: Portal, _ context: RequestContext) throws -> WebResponse {
        let typed = context.form.text(portal.identifierField)
        do {
            let (account, session) = try login.logIn(portal.identifier(typed), password: context.form.secret("password"),
                                                     remoteAddress: context.request.remoteAddress)
            // Reminders due are made at login too, and the SMS of later ones will be in this language.
            try reminders.remember(context.language, for: account)
            try reminders.run(for: account, permit: try permits.permit(of: account))
            return pages.redirect(to: Route.landing(for: account), newSession: session, in: context)
        } catch let error as LoginError {
            let shown = form(portal, values: context.typedValues).showing(problems(error, portal: portal))
            return try pages.respond(Page(portal, form: shown), in: context)
        }
    }

    private func problems(_ error: LoginError, portal: Portal) -> [(field: String, message: UserMessage)] {
        switch error {
        case .invalid(let problems): problems.map { ($0.field.rawValue, $0.message) }
        case .incorrect: [(portal.identifierField, UserMessage(portal.incorrectKey))]
        default: [(portal.identifierField, error.message)]
        }
    }

    private func form(_ portal: Portal, values: [String: String] = [:]) -> FormView {
        FormView(fields: [
            .init(portal.identifierField, autocomplete: "username", width: "20"),
            .secret("password", autocomplete: "current-password"),
        ], values: values)
    }
}

/// What differs between the two login pages.
public enum LoginPortal: Sendable, Hashable {
    case socialSecurity, workPermit

    var identifierField: String { self == .socialSecurity ? "ss_number" : "permit_number" }
    var template: Template { self == .socialSecurity ? .socialSecurityLogin : .permitLogin }
    var route: Route { self == .socialSecurity ? .login : .permitLogin }
    var incorrectKey: String { self == .socialSecurity ? "login.incorrect_ss" : "login.incorrect" }

    func identifier(_ typed: String) -> LoginService.Identifier {
        self == .socialSecurity ? .socialSecurityNumber(typed) : .permitNumber(typed)
    }
}
