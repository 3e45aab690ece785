import PortalCore

/// The end of a password reset: facial recognition for accounts without a verified phone, then the new password.
struct ResetPasswordController: Sendable {
    struct FacePage: PageContent {
        let form: FormView?
        let action = Route.resetFace.path
        var template: Template { .faceRecognition }
        var title: UserMessage { UserMessage("reset.face_title") }
    }

    struct NewPasswordPage: PageContent {
        let form: FormView?
        let action = Route.newPassword.path
        var template: Template { .newPassword }
        var title: UserMessage { UserMessage("reset.new_title") }
    }

    struct DonePage: PageContent {
        let loginHref = Route.permitLogin.path
        var template: Template { .passwordReset }
        var title: UserMessage { UserMessage("reset.done_title") }
    }

    let pages: PageResponder
    let resets: PasswordResetService

    func showFace(_ context: ResetContext) throws -> WebResponse {
        try pages.respond(FacePage(form: faceForm()), in: context.base)
    }

    func submitFace(_ context: ResetContext) throws -> WebResponse {
        let photo = context.base.form.files["face_image"]?.bytes ?? []
        do {
            try resets.verifyFace(photo, reset: context.reset, remoteAddress: context.base.request.remoteAddress)
            return .redirect(to: .newPassword)
        } catch let error as FaceVerificationError {
            return try pages.respond(FacePage(form: faceForm().showing([("face_image", error.message)])), in: context.base)
        }
    }

    func showNewPassword(_ context: ResetContext) throws -> WebResponse {
        guard context.reset.verifiedAt != nil else { return .redirect(to: .resetCode) }
        return try pages.respond(NewPasswordPage(form: passwordForm()), in: context.base)
    }

    func submitNewPassword(_ context: ResetContext) throws -> WebResponse {
        let form = context.base.form
        do {
            try resets.setPassword(form.secret("password"), confirm: form.secret("password_confirm"), reset: context.reset,
                                   remoteAddress: context.base.request.remoteAddress)
            return WebResponse.redirect(to: .passwordReset).adding(.clearReset(secure: context.base.request.isHTTPS))
        } catch PasswordResetError.invalid(let problems) {
            return try pages.respond(NewPasswordPage(form: passwordForm().showing(problems)), in: context.base)
        } catch PasswordResetError.notVerified {
            return .redirect(to: .resetCode)
        }
    }

    func done(_ context: RequestContext) throws -> WebResponse {
        try pages.respond(DonePage(), in: context)
    }

    private func faceForm() -> FormView {
        FormView(fields: [.facePhoto])
    }

    private func passwordForm() -> FormView {
        FormView(fields: FormView.newPasswordFields)
    }
}
