import PortalCore

/// The CSRF tokens of the portal's forms, checked once by the pipeline before any POST reaches a controller.
/// A signed-in form carries a MAC of the session's token; an anonymous visitor's form carries a MAC of a random
/// value kept in a cookie of its own (signed double submit), so showing a login form writes nothing anywhere.
struct CSRFProtection: Sendable {
    static let fieldName = "csrf_token"

    let secret: ServerSecret

    func token(forSession sessionToken: String) -> String {
        secret.mac(sessionToken, purpose: "csrf session")
    }

    func token(forVisitor nonce: String) -> String {
        secret.mac(nonce, purpose: "csrf visitor")
    }

    /// The token for the forms of a page, and the visitor cookie to set when an anonymous visitor has none yet
    /// (reused while it lasts, so forms open in two tabs both stay valid).
    func formToken(for context: RequestContext) -> (token: String, cookie: Cookie?) {
        if let live = context.session { return (token(forSession: live.token), nil) }
        if let nonce = visitorNonce(of: context.request) { return (token(forVisitor: nonce), nil) }
        let nonce = SecureToken.generate()
        return (token(forVisitor: nonce), .visitor(nonce, secure: context.request.isHTTPS))
    }

    /// Whether the posted form carries the token its session (or, signed out, its visitor cookie) calls for.
    func allows(_ context: RequestContext) -> Bool {
        // Logging out of a session that has already ended changes nothing, so it needs no token:
        // the browser is simply told to forget its cookie.
        if context.route == .logout && context.session == nil { return true }
        guard let submitted = context.form.values[Self.fieldName] else { return false }
        if let live = context.session {
            return SecureToken.constantTimeEquals(submitted, token(forSession: live.token))
        }
        guard let nonce = visitorNonce(of: context.request) else { return false }
        return SecureToken.constantTimeEquals(submitted, token(forVisitor: nonce))
    }

    /// The visitor cookie when it looks like one the portal made (43 URL-safe base64 characters).
    private func visitorNonce(of request: WebRequest) -> String? {
        guard let nonce = request.cookie(Cookie.visitorName), nonce.utf8.count == 43,
              nonce.utf8.allSatisfy({ SecureToken.isURLSafeBase64($0) }) else { return nil }
        return nonce
    }
}
