import PortalCore

/// Finds the live, signed-in session behind a request's cookie.
struct SessionLoader: Sendable {
    let sessions: SessionService

    func session(for request: WebRequest) throws -> LiveSession? {
        guard let token = request.cookie(Cookie.sessionName), let session = try sessions.resume(token: token),
              let account = session.account else { return nil }
        return LiveSession(token: token, record: session, account: account)
    }
}
