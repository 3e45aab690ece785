import Foundation

/// Starts, resumes and ends browser sessions, and derives each session's CSRF token.
public struct SessionService: Sendable {
    private let store: any SessionStore
    private let clock: any PortalClock
    private let policy: SessionPolicy

    public init(store: any SessionStore, clock: any PortalClock, policy: SessionPolicy = SessionPolicy()) {
        self.store = store
        self.clock = clock
        self.policy = policy
    }

    /// The live session for a cookie token, or nil when there is none or it has expired (it is then removed).
    public func resume(token: String?) throws -> Session? {
        guard let token, !token.isEmpty, token.count <= 100 else { return nil }
        let digest = SecureToken.digest(token)
        guard let session = try store.session(digest: digest) else { return nil }
        let now = clock.now()
        if policy.isExpired(session, at: now) {
            try store.delete(digest: digest)
            return nil
        }
        if policy.needsTouch(session, at: now) { try store.touch(digest: digest, at: now) }
        return session
    }

    /// A new session record (not yet stored) for `accountID`, or anonymous when nil.
    public func makeSession(accountID: Int64?) -> NewSession {
        let token = SecureToken.generate()
        let now = clock.now()
        let record = Session(tokenDigest: SecureToken.digest(token), accountID: accountID, createdAt: now, lastSeenAt: now)
        return NewSession(token: token, record: record)
    }

    /// Starts an anonymous session so a form can carry a CSRF token.
    public func startAnonymous() throws -> NewSession {
        let session = makeSession(accountID: nil)
        try store.insert(session.record)
        return session
    }

    /// Deletes the sessions that have timed out (`portal serve` calls it every few minutes).
    public func pruneExpired() throws {
        let now = clock.now()
        try store.deleteExpired(idleBefore: now.addingTimeInterval(-policy.idleTimeout),
                                createdBefore: now.addingTimeInterval(-policy.absoluteTimeout))
    }

    /// Ends the session (sign out), recording who left.
    public func end(token: String, accountID: Int64?, remoteAddress: String?) throws {
        let event = AuditEvent(.loggedOut, at: clock.now(), accountID: accountID, remoteAddress: remoteAddress)
        try store.end(digest: SecureToken.digest(token), event: event)
    }

    /// The CSRF token of the session whose cookie token is `token`.
    public static func csrfToken(for token: String) -> String {
        SecureToken.derive(token, purpose: "csrf")
    }

    /// Whether `submitted` is the CSRF token of the session `token`.
    public static func isValidCSRF(_ submitted: String?, for token: String) -> Bool {
        guard let submitted else { return false }
        return SecureToken.constantTimeEquals(submitted, csrfToken(for: token))
    }
}
