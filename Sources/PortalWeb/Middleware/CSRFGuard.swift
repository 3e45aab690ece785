import PortalCore

/// The synchronizer-token check every POST passes before its controller runs: the form must carry
/// the CSRF token of the session its cookie names.
enum CSRFGuard {
    static let fieldName = "csrf_token"

    static func allows(_ context: RequestContext, to route: Route) -> Bool {
        // Logging out of a session that has already ended changes nothing, so it needs no token:
        // the browser is simply told to forget its cookie.
        if route == .logout && context.session == nil { return true }
        guard let token = context.sessionToken else { return false }
        return SessionService.isValidCSRF(context.form.values[fieldName], for: token)
    }
}
