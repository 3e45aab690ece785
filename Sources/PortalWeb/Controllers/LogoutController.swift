import PortalCore

/// `Log out`: ends the session on the server and clears the cookie.
struct LogoutController: Sendable {
    let sessions: SessionService

    func submit(_ context: RequestContext) throws -> WebResponse {
        if let token = context.sessionToken {
            try sessions.end(token: token, accountID: context.account?.id, remoteAddress: context.request.remoteAddress)
        }
        return WebResponse.redirect(to: .home).adding(.clear(secure: context.request.isHTTPS))
    }
}
