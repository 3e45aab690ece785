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
    /// An account past facial recognition.
    case signedIn

    /// Where a visitor signed in to `account` (nil: not signed in) is sent instead; nil when admitted.
    func redirect(for account: Account?) -> Route? {
        switch (self, account) {
        case (.anyone, _), (.signedOut, nil): nil
        case (.signedOut, let account?): Route.landing(for: account)
        case (.registering, nil), (.signedIn, nil): .permitLogin
        case (.registering, let account?): account.state == .pendingFace ? nil : Route.landing(for: account)
        case (.signedIn, let account?): account.state == .pendingFace ? .faceRecognition : nil
        }
    }
}
