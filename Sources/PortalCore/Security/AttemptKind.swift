/// The steps whose consecutive failures are counted and locked separately (the `kind` column of `attempts`).
public enum AttemptKind: String, Sendable, CaseIterable {
    case login
    case face
    /// Bank-card or phone details the outside check did not confirm.
    case realName = "real_name"
    /// The 6-digit PIN of work-permit services.
    case pin

    var lockedEvent: AuditEvent.Kind {
        switch self {
        case .login: .accountLocked
        case .face: .faceLocked
        case .realName: .realNameLocked
        case .pin: .pinLocked
        }
    }
}
