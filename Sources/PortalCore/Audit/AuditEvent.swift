import Foundation

/// One security-relevant event, kept forever in an append-only log.
public struct AuditEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case registered = "registration"
        case loginSucceeded = "login_succeeded"
        case loginFailed = "login_failed"
        case accountLocked = "account_locked"
        case loggedOut = "logout"
        case faceVerified = "face_verified"
        case faceFailed = "face_failed"
        case faceLocked = "face_locked"
        case realNameFailed = "real_name_failed"
        case realNameLocked = "real_name_locked"
        case smsCodeSent = "sms_code_sent"
        case realNameVerified = "real_name_verified"
        case passwordChanged = "password_changed"
        case passwordChangeFailed = "password_change_failed"
        case passwordResetRequested = "password_reset_requested"
        case passwordResetVerified = "password_reset_verified"
        case passwordResetFailed = "password_reset_failed"
        case passwordReset = "password_reset"
        case permitNumberRefused = "permit_number_refused"
        case pinSet = "pin_set"
        case pinChanged = "pin_changed"
        case pinFailed = "pin_failed"
        case pinLocked = "pin_locked"
        case reminderCreated = "reminder_created"
    }

    public let kind: Kind
    public let occurredAt: Date
    public let accountID: Int64?
    public let subject: String?
    public let remoteAddress: String?
    public let detail: String?

    /// - Parameter subject: what the event is about when there is no account (e.g. the number typed at login).
    public init(_ kind: Kind, at occurredAt: Date, accountID: Int64? = nil, subject: String? = nil,
                remoteAddress: String? = nil, detail: String? = nil) {
        self.kind = kind
        self.occurredAt = occurredAt
        self.accountID = accountID
        self.subject = subject
        self.remoteAddress = remoteAddress
        self.detail = detail
    }
}
