import PortalCore

/// The SMS wording from the message catalogues, in the holder's language (`sms.text.<purpose>`, `reminders.sms.<kind>`).
public struct CatalogueSmsTexts: SmsTexts, ReminderTexts {
    private let renderer: PageRenderer

    public init(renderer: PageRenderer) {
        self.renderer = renderer
    }

    public func text(for purpose: SmsPurpose, code: String, validMinutes: Int, language: Language) -> String {
        let key = purpose == .passwordReset ? "sms.text.password_reset" : "sms.text.real_name"
        return renderer.messages(language).text(UserMessage(key, ["code": code, "minutes": String(validMinutes)]))
    }

    public func text(for reminder: Reminder, language: Language) -> String {
        renderer.messages(language).text(UserMessage("reminders.sms.\(reminder.kind.rawValue)",
                                                     ["permit": reminder.permitNumber,
                                                      "date": reminder.validUntil.description]))
    }
}
