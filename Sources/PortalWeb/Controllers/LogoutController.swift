import PortalCore

/// `Log out`: ends the session on the server and clears the cookie.
struct LogoutController: Sendable {
    let sessions: SessionService

    func submit(_ context: RequestContext) throws -> WebResponse {
        if let live = context.session {
            try sessions.end(token: live.token, accountID: live.account.id, remoteAddress: context.request.remoteAddress)
        }
        return WebResponse.redirect(to: .home).adding(.clearSession(secure: context.request.isHTTPS))
    }
}
