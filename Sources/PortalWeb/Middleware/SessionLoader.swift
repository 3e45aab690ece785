import PortalCore

/// Finds the live session and account behind a request's cookie.
struct SessionLoader: Sendable {
    let sessions: SessionService

    func context(for request: WebRequest, form: FormData) throws -> RequestContext {
        let token = request.cookies[SessionCookie.name]
        guard let token, let session = try sessions.resume(token: token) else {
            return RequestContext(request: request, sessionToken: nil, session: nil, account: nil, form: form)
        }
        return RequestContext(request: request, sessionToken: token, session: session, account: session.account,
                              form: form)
    }
}
