/// The session cookie: HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot post with it,
/// Secure whenever the browser came over HTTPS. No expiry: it ends with the browser or the server-side timeout.
public struct SessionCookie: Sendable, Equatable {
    public static let name = "portal_session"

    public let token: String
    public let secure: Bool

    public static func set(_ token: String, secure: Bool) -> SessionCookie {
        SessionCookie(token: token, secure: secure)
    }

    /// Tells the browser to forget the cookie (used at logout).
    public static func clear(secure: Bool) -> SessionCookie {
        SessionCookie(token: "", secure: secure)
    }

    public var headerValue: String {
        var value = "\(Self.name)=\(token); Path=/; HttpOnly; SameSite=Lax"
        if token.isEmpty { value += "; Max-Age=0" }
        if secure { value += "; Secure" }
        return value
    }
}
