import PortalCore

/// `Forgot password?`: the number (permit or social security, as on the login page it came from), then the SMS code
/// page that every number meets alike. The reset lives behind its own cookie; ResetPasswordController finishes it.
struct ForgotPasswordController: Sendable {
    struct Page: PageContent {
        let portal: LoginPortal
        let form: FormView?
        let action: String
        let loginHref: String

        init(_ portal: LoginPortal, form: FormView) {
            self.portal = portal
            self.form = form
            action = Route.forgotPassword(portal).path
            loginHref = portal.route.path
        }

        var template: Template { .forgotPassword }
        var title: UserMessage { UserMessage("reset.title") }
    }

    let pages: PageResponder
    let resets: PasswordResetService
    let clock: any PortalClock

    func show(_ portal: LoginPortal, _ context: RequestContext) throws -> WebResponse {
        try pages.respond(Page(portal, form: form(portal)), in: context)
    }

    func submit(_ portal: LoginPortal, _ context: RequestContext) throws -> WebResponse {
        let typed = context.form.text(portal.identifierField)
        do {
            let token = try resets.start(portal.identifier(typed), language: context.language,
                                         remoteAddress: context.request.remoteAddress)
            return WebResponse.redirect(to: .resetCode).adding(.reset(token, secure: context.request.isHTTPS))
        } catch PasswordResetError.missingIdentifier {
            let message = UserMessage(portal == .workPermit ? "login.permit_number.missing" : "login.ss_number.missing")
            let shown = form(portal).showing([(portal.identifierField, message)])
            return try pages.respond(Page(portal, form: shown), in: context)
        }
    }

    func showCode(_ context: ResetContext) throws -> WebResponse {
        try pages.respond(codePage(context, problems: []), in: context.base)
    }

    func submitCode(_ context: ResetContext) throws -> WebResponse {
        do {
            try resets.verifyCode(context.base.form.secret("sms_code"), reset: context.reset,
                                  remoteAddress: context.base.request.remoteAddress)
            return .redirect(to: .newPassword)
        } catch let error as SmsCodeError {
            return try pages.respond(codePage(context, problems: [("sms_code", error.message(at: clock.now()))]),
                                     in: context.base)
        }
    }

    func resend(_ context: ResetContext) throws -> WebResponse {
        do {
            try resets.resend(context.reset, language: context.base.language)
            return .redirect(to: .resetCode)
        } catch let error as SmsCodeError {
            return try pages.respond(codePage(context, problems: [("sms_code", error.message(at: clock.now()))]),
                                     in: context.base)
        }
    }

    /// The same page whatever the number: it never says where a code went, or whether one did.
    private func codePage(_ context: ResetContext, problems: [(field: String, message: UserMessage)]) -> CodePage {
        CodePage(sentTo: UserMessage("reset.code_sent", ["minutes": String(Int(PasswordResetService.lifetime / 60))]),
                 sentAt: context.reset.lastSentAt, now: clock.now(), rules: resets.codeRules, action: .resetCode,
                 resendAction: .resetResend, otherWay: .resetFace, otherWayKey: "reset.use_face", problems: problems)
    }

    private func form(_ portal: LoginPortal) -> FormView {
        FormView(fields: [.init(portal.identifierField, autocomplete: "username", width: "20")])
    }
}
