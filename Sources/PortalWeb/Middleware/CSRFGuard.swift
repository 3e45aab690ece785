import PortalCore

/// The synchronizer-token check every POST passes before its controller runs: the form must carry
/// the CSRF token of the session its cookie names.
enum CSRFGuard {
    static let fieldName = "csrf_token"

    static func allows(_ context: RequestContext) -> Bool {
        guard let token = context.sessionToken else { return false }
        return SessionService.isValidCSRF(context.form.values[fieldName], for: token)
    }
}
