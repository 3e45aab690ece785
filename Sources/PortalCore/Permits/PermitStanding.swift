/// Whether a permit can still be used, and whether its holder should be reminded.
public enum PermitStanding: Sendable, Equatable {
    /// The guide's "about to expire": within this many days of the last valid day.
    public static let reminderWindowDays = 30

    case valid
    case expiringSoon(daysLeft: Int)
    case expired
    case canceled

    /// Permit services stop once a permit has expired or was canceled.
    public var isUsable: Bool {
        switch self {
        case .valid, .expiringSoon: true
        case .expired, .canceled: false
        }
    }
}
