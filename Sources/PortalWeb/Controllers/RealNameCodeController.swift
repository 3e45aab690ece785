import Foundation
import PortalCore

/// The SMS code page of real-name verification: `Verify` completes registration, `Resend code` sends another.
struct RealNameCodeController: Sendable {
    let pages: PageResponder
    let realName: RealNameService
    let codes: SmsCodeService
    let clock: any PortalClock

    func show(_ context: AccountContext) throws -> WebResponse {
        guard let page = try page(context, problems: []) else { return .redirect(to: .realName) }
        return try pages.respond(page, in: context.base)
    }

    func submit(_ context: AccountContext) throws -> WebResponse {
        do {
            try realName.complete(code: context.form.secret("sms_code"), account: context.account,
                                  ownerDigest: context.session.record.tokenDigest, remoteAddress: context.request.remoteAddress)
            return .redirect(to: .card)
        } catch let error as SmsCodeError {
            return try again(context, error)
        } catch AccountStoreError.noSuchAccount {
            return .redirect(to: .card)  // completed meanwhile (a double submit): the card is there
        }
    }

    func resend(_ context: AccountContext) throws -> WebResponse {
        do {
            try realName.resend(account: context.account, ownerDigest: context.session.record.tokenDigest,
                                language: context.base.language)
            return .redirect(to: .realNameCode)
        } catch let error as SmsCodeError {
            return try again(context, error)
        }
    }

    private func again(_ context: AccountContext, _ error: SmsCodeError) throws -> WebResponse {
        let problems = [(field: "sms_code", message: error.message(at: clock.now()))]
        guard let page = try page(context, problems: problems) else { return .redirect(to: .realName) }
        return try pages.respond(page, in: context.base)
    }

    /// The code page for the session's newest code; nil when none was asked for.
    private func page(_ context: AccountContext, problems: [(field: String, message: UserMessage)]) throws -> CodePage? {
        guard let code = try codes.latest(ownerDigest: context.session.record.tokenDigest,
                                          purposes: RealNameService.purposes) else { return nil }
        let sentTo = UserMessage("sms.sent_to", ["phone": MainlandPhone.masked(code.phone),
                                                 "minutes": String(Int(codes.rules.validity / 60))])
        return CodePage(sentTo: sentTo, sentAt: code.sentAt, now: clock.now(), rules: codes.rules, action: .realNameCode,
                        resendAction: .realNameResend, otherWay: .realName, otherWayKey: "sms.other_way",
                        problems: problems)
    }
}

/// The page that asks for an SMS code (real-name verification, password reset): where the code went, how long
/// it lasts, and when another may be asked for.
struct CodePage: PageContent {
    let form: FormView?
    let sentTo: UserMessage
    let resendWait: UserMessage?
    let action: String
    let resendAction: String
    let otherWayHref: String
    let otherWay: UserMessage

    init(sentTo: UserMessage, sentAt: Date, now: Date, rules: SmsCodeRules, action: Route, resendAction: Route,
         otherWay: Route, otherWayKey: String, problems: [(field: String, message: UserMessage)]) {
        form = FormView(fields: [
            .init("sms_code", autocomplete: "one-time-code", inputMode: "numeric", keepsValue: false, width: "10"),
        ]).showing(problems)
        self.sentTo = sentTo
        self.otherWay = UserMessage(otherWayKey)
        let wait = sentAt.addingTimeInterval(rules.resendInterval).timeIntervalSince(now)
        resendWait = wait > 0 ? UserMessage("sms.resend_wait", ["seconds": String(Int(wait.rounded(.up)))]) : nil
        self.action = action.path
        self.resendAction = resendAction.path
        otherWayHref = otherWay.path
    }

    var template: Template { .smsCode }
    var title: UserMessage { UserMessage("sms.title") }
}
