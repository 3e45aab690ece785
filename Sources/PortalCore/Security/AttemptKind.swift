/// The steps whose consecutive failures are counted and locked separately.
public enum AttemptKind: Sendable {
    case login
    case face

    var lockedEvent: AuditEvent.Kind { self == .login ? .accountLocked : .faceLocked }
}
