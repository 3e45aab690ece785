import PortalCore

/// Real-name verification for holders of a physical Social Security Card (guide section 2): the choice between
/// bank card and phone number, and the two forms that send the SMS code (RealNameCodeController takes it).
struct RealNameController: Sendable {
    struct ChoicePage: PageContent {
        let bankCardHref = Route.realNameBankCard.path
        let phoneHref = Route.realNamePhone.path
        var template: Template { .realNameChoice }
        var title: UserMessage { UserMessage("real_name.title") }
    }

    struct FormPage: PageContent {
        let method: RealNameMethod
        let form: FormView?
        let action: String
        let choiceHref = Route.realName.path
        let bankCard: Bool

        init(_ method: RealNameMethod, form: FormView) {
            self.method = method
            self.form = form
            action = (method == .bankCard ? Route.realNameBankCard : Route.realNamePhone).path
            bankCard = method == .bankCard
        }

        var template: Template { .realNameForm }
        var title: UserMessage { UserMessage(bankCard ? "real_name.bank_card.title" : "real_name.phone.title") }
    }

    let pages: PageResponder
    let realName: RealNameService
    let clock: any PortalClock

    func choose(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(ChoicePage(), in: context.base)
    }

    func show(_ method: RealNameMethod, _ context: AccountContext) throws -> WebResponse {
        try pages.respond(FormPage(method, form: form(method)), in: context.base)
    }

    /// `Send code`: the details are checked, confirmed by the outside check, and the code goes out.
    func submit(_ method: RealNameMethod, _ context: AccountContext) throws -> WebResponse {
        let form = context.form
        let request = context.request
        do {
            switch method {
            case .bankCard:
                let typed = RealNameService.BankCardForm(
                    fullName: form.text("full_name"), passportNumber: form.text("passport_number"),
                    bankCardNumber: form.text("bank_card_number"), phone: form.text("phone"))
                try realName.sendBankCardCode(typed, account: context.account, ownerDigest: context.session.record.tokenDigest,
                                              language: context.base.language, remoteAddress: request.remoteAddress)
            case .phone:
                try realName.sendPhoneCode(form.text("phone"), account: context.account,
                                           ownerDigest: context.session.record.tokenDigest,
                                           language: context.base.language, remoteAddress: request.remoteAddress)
            }
            return .redirect(to: .realNameCode)
        } catch let error as RealNameError {
            return try again(method, context, error.problems)
        } catch let error as SmsCodeError {
            return try again(method, context, [FieldProblem("phone", error.message(at: clock.now()))])
        }
    }

    private func again(_ method: RealNameMethod, _ context: AccountContext,
                       _ problems: [FieldProblem<String>]) throws -> WebResponse {
        let shown = form(method, values: context.base.typedValues).showing(problems)
        return try pages.respond(FormPage(method, form: shown), in: context.base)
    }

    private func form(_ method: RealNameMethod, values: [String: String] = [:]) -> FormView {
        let phone = FormView.Field("phone", type: "tel", autocomplete: "tel", inputMode: "tel", width: "20")
        switch method {
        case .bankCard:
            return FormView(fields: [
                .init("full_name", autocomplete: "name", width: "30"),
                .init("passport_number", autocomplete: "off", width: "20"),
                .init("bank_card_number", autocomplete: "cc-number", inputMode: "numeric", width: "30"),
                phone,
            ], values: values)
        case .phone:
            return FormView(fields: [phone], values: values)
        }
    }
}
