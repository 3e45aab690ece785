import PortalCore

/// Who may use a route. The pipeline decides it once, before the body is read, and sends everyone else where they
/// belong; a controller then receives a context that already holds what its level promises.
public enum Access: Sendable, Equatable {
    /// Everyone, signed in or not.
    case anyone
    /// Only visitors who are not signed in (login and registration); the signed-in go to their landing page.
    case signedOut
    /// An account that has signed up and still has to pass facial recognition.
    case registering
    /// A holder of a physical card past facial recognition, still to pass real-name verification.
    case verifyingRealName
    /// An account that has collected the e-card.
    case signedIn
    /// Signed in, with work-permit services unlocked by the PIN (the pipeline checks the unlock and extends it).
    case permitServices
    /// Signed out, with a password reset in progress (its own cookie); the pipeline loads the reset.
    case resettingPassword

    /// Where a visitor signed in to `account` (nil: not signed in) is sent instead; nil when admitted.
    func redirect(for account: Account?) -> Route? {
        switch (self, account) {
        case (.anyone, _), (.signedOut, nil), (.resettingPassword, nil): nil
        case (.signedOut, let account?), (.resettingPassword, let account?): Route.landing(for: account)
        case (.registering, nil), (.verifyingRealName, nil), (.signedIn, nil): .permitLogin
        case (.registering, let account?): account.state == .pendingFace ? nil : Route.landing(for: account)
        case (.verifyingRealName, let account?): account.state == .pendingRealName ? nil : Route.landing(for: account)
        case (.signedIn, let account?), (.permitServices, let account?):
            account.state == .active ? nil : Route.landing(for: account)
        case (.permitServices, nil): .permitLogin
        }
    }
}
