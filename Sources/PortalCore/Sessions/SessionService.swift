import Foundation

/// Resumes and ends the sessions of signed-in browsers. Visitors who are not signed in have none: their forms
/// carry a signed double-submit token instead (the web layer's CSRFProtection), so showing a form writes nothing.
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
    /// A row without an account (an anonymous session of an earlier version) is no session any more.
    public func resume(token: String?) throws -> Session? {
        guard let token, !token.isEmpty, token.count <= 100 else { return nil }
        let digest = SecureToken.digest(token)
        guard let session = try store.session(digest: digest), session.account != nil else { return nil }
        let now = clock.now()
        if policy.isExpired(session, at: now) {
            try store.delete(digest: digest)
            return nil
        }
        if policy.needsTouch(session, at: now) { try store.touch(digest: digest, at: now) }
        return session
    }

    /// A new session record (not yet stored) for `accountID`; nil while the account is still to be created.
    public func makeSession(accountID: Int64?) -> NewSession {
        let token = SecureToken.generate()
        let now = clock.now()
        let record = Session(tokenDigest: SecureToken.digest(token), accountID: accountID, createdAt: now, lastSeenAt: now)
        return NewSession(token: token, record: record)
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
}
