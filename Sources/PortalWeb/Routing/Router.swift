/// Sends each route to its controller: one exhaustive switch, so a new route cannot be forgotten. The pipeline
/// has already checked method, access and CSRF; `holder()` hands over the signed-in account that access promised.
struct Router: Sendable {
    let home: HomeController
    let login: LoginController
    let registration: RegistrationController
    let face: FaceController
    let card: CardController
    let logout: LogoutController
    let languages: LanguageController
    let realName: RealNameController
    let realNameCode: RealNameCodeController
    let outbox: SmsOutboxController
    let passwordChange: PasswordChangeController
    let forgotPassword: ForgotPasswordController
    let resetPassword: ResetPasswordController
    let menu: ServicesMenuController
    let pin: PinController
    let permit: PermitController
    let verification: VerificationController
    let reminders: RemindersController
    /// The portal's own address, which the QR codes carry.
    let publicURL: String

    func respond(_ context: RequestContext) throws -> WebResponse {
        let posted = context.request.method == .post
        switch context.route {
        case .home: return try home.show(context)
        case .login: return try posted ? login.submit(.socialSecurity, context) : login.show(.socialSecurity, context)
        case .permitLogin: return try posted ? login.submit(.workPermit, context) : login.show(.workPermit, context)
        case .registration: return try posted ? registration.submit(context) : registration.show(context)
        case .faceRecognition:
            let holder = try context.holder()
            return try posted ? face.submit(holder) : face.show(holder)
        case .card: return try card.show(context.holder())
        case .logout: return try logout.submit(context)
        case .realName: return try realName.choose(context.holder())
        case .realNameBankCard:
            let holder = try context.holder()
            return try posted ? realName.submit(.bankCard, holder) : realName.show(.bankCard, holder)
        case .realNamePhone:
            let holder = try context.holder()
            return try posted ? realName.submit(.phone, holder) : realName.show(.phone, holder)
        case .realNameCode:
            let holder = try context.holder()
            return try posted ? realNameCode.submit(holder) : realNameCode.show(holder)
        case .realNameResend: return try realNameCode.resend(context.holder())
        case .smsOutbox: return try outbox.show(context)
        case .changePassword:
            let holder = try context.holder()
            return try posted ? passwordChange.submit(holder) : passwordChange.show(holder)
        case .passwordChanged: return try passwordChange.done(context.holder())
        case .forgotPassword(let portal):
            return try posted ? forgotPassword.submit(portal, context) : forgotPassword.show(portal, context)
        case .resetCode:
            let reset = try context.resetting()
            return try posted ? forgotPassword.submitCode(reset) : forgotPassword.showCode(reset)
        case .resetResend: return try forgotPassword.resend(context.resetting())
        case .resetFace:
            let reset = try context.resetting()
            return try posted ? resetPassword.submitFace(reset) : resetPassword.showFace(reset)
        case .newPassword:
            let reset = try context.resetting()
            return try posted ? resetPassword.submitNewPassword(reset) : resetPassword.showNewPassword(reset)
        case .passwordReset: return try resetPassword.done(context)
        case .hrServices: return try menu.hr(context.holder())
        case .talentAffairs: return try menu.talent(context.holder())
        case .workPermitServices:
            let holder = try context.holder()
            return try posted ? menu.submitNumber(holder) : menu.showNumber(holder)
        case .pin:
            let holder = try context.holder()
            return try posted ? pin.submit(holder) : pin.show(holder)
        case .changePin:
            let holder = try context.holder()
            return try posted ? pin.submitChange(holder) : pin.showChange(holder)
        case .permit: return try permit.show(context.holder())
        case .permitQR(let token): return try permit.image(token, context.holder(), verifyURL: publicURL)
        case .letter(let inline): return try permit.letter(inline: inline, context.holder(), serviceURL: publicURL)
        case .verifyQR(let token): return try verification.verify(token, context)
        case .qrPublicKey: return verification.publicKey()
        case .reminders:
            let holder = try context.holder()
            return try posted ? reminders.markRead(holder) : reminders.show(holder)
        case .language(let language, let target): return try languages.choose(language, returningTo: target, context)
        }
    }
}
