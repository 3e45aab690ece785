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
