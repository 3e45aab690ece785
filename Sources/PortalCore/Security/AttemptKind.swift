/// The steps whose consecutive failures are counted and locked separately.
public enum AttemptKind: Sendable {
    case login
    case face

    var failedEvent: AuditEvent.Kind { self == .login ? .loginFailed : .faceFailed }
    var lockedEvent: AuditEvent.Kind { self == .login ? .accountLocked : .faceLocked }
}
