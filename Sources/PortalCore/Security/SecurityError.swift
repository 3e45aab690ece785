/// Failures of the security primitives that a user may need to be told about.
public enum SecurityError: Error, Equatable, Sendable {
    /// Every hashing slot stayed taken: ask the user to try again shortly.
    case busy
    /// libargon2 reported an error (the code is for the log, not the user).
    case hashingFailed(code: Int32)

    public var message: UserMessage {
        switch self {
        case .busy: UserMessage("error.busy")
        case .hashingFailed: UserMessage("error.internal")
        }
    }
}
