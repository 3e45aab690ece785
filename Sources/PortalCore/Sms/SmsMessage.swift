import Foundation

/// Why a code is sent; a code is only ever accepted for the purpose it was sent for.
public enum SmsPurpose: String, Sendable, CaseIterable {
    case realNameBankCard = "real_name_bank_card"
    case realNamePhone = "real_name_phone"
    case passwordReset = "password_reset"
    /// A reminder about the permit (no code).
    case permitReminder = "permit_reminder"
}

/// One text message to a mainland mobile number.
public struct SmsMessage: Sendable, Equatable {
    /// 11 digits, as `MainlandPhone` normalises them.
    public let to: String
    public let text: String
    /// The code the text carries (the development outbox shows it apart; a real gateway sends only `text`).
    public let code: String
    public let purpose: SmsPurpose
    public let sentAt: Date

    public init(to: String, text: String, code: String, purpose: SmsPurpose, sentAt: Date) {
        self.to = to
        self.text = text
        self.code = code
        self.purpose = purpose
        self.sentAt = sentAt
    }
}
