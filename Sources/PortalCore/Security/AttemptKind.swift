/// The steps whose consecutive failures are counted and locked separately (the `kind` column of `attempts`).
public enum AttemptKind: String, Sendable, CaseIterable {
    case login
    case face

    var lockedEvent: AuditEvent.Kind { self == .login ? .accountLocked : .faceLocked }
}
