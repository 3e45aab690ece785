/// The SMS gateway the authorities' service sends through. Sending either succeeds or throws: a code whose
/// message could not be sent is never counted as sent.
public protocol SmsGateway: Sendable {
    func send(_ message: SmsMessage) throws(SmsGatewayError)
}

public enum SmsGatewayError: Error, Equatable, Sendable {
    /// The gateway refused or could not be reached; the detail is for the log.
    case unavailable(String)
}

/// Messages as a development gateway keeps them, for the development-only outbox page.
public protocol SmsOutbox: Sendable {
    /// The messages sent so far, newest first.
    func messages() throws -> [SmsMessage]
}
