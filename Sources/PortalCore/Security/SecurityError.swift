/// Failures of the security primitives. `busy` becomes the 503 page (ErrorPages); the rest are logged.
public enum SecurityError: Error, Equatable, Sendable {
    /// Every hashing slot stayed taken: ask the user to try again shortly.
    case busy
    /// libargon2 reported an error (the code is for the log, not the user).
    case hashingFailed(code: Int32)
}
