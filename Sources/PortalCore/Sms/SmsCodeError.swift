import Foundation

/// Why a code could not be sent or was not accepted. None tells whether a number or a card exists anywhere.
public enum SmsCodeError: Error, Equatable, Sendable {
    case missing
    case format
    /// No code was asked for in this session (or it was taken back after the gateway failed).
    case noCode
    case wrong(entriesLeft: Int)
    /// Too many wrong entries: this code no longer works.
    case spent
    case expired
    case used
    /// A new code can be asked for at `until`.
    case wait(until: Date)
    case tooManySends
    /// The gateway failed: nothing was sent and nothing counts.
    case notSent

    public func message(at now: Date) -> UserMessage {
        switch self {
        case .missing: UserMessage("sms.code.missing")
        case .format: UserMessage("sms.code.format")
        case .noCode: UserMessage("sms.code.none")
        case .wrong(let left): UserMessage("sms.code.wrong", ["left": String(left)])
        case .spent: UserMessage("sms.code.spent")
        case .expired: UserMessage("sms.code.expired")
        case .used: UserMessage("sms.code.used")
        case .wait(let until):
            UserMessage("sms.code.wait", ["seconds": String(max(1, Int(until.timeIntervalSince(now).rounded(.up))))])
        case .tooManySends: UserMessage("sms.code.too_many")
        case .notSent: UserMessage("sms.code.not_sent")
        }
    }
}
