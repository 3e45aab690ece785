import PortalCore

/// A cookie the portal sets. All are HttpOnly (no script reads them) and SameSite=Lax (other sites cannot post
/// with them), and Secure whenever the browser came over HTTPS. Over HTTPS the credentials (session, visitor
/// token, reset) also carry the `__Host-` prefix, which browsers accept only from this host, over TLS, for the
/// whole site: a neighbouring subdomain cannot plant one. The language, a mere preference, keeps its plain name
/// (nginx reads it too).
public struct Cookie: Sendable, Equatable {
    /// The signed-in session's token. No expiry: it ends with the browser or the server-side timeout.
    public static let sessionName = "portal_session"
    /// The random value an anonymous visitor's form tokens are signed over (double-submit CSRF).
    public static let visitorName = "portal_csrf"
    /// The language chosen with the links on every page.
    public static let languageName = "lang"
    /// A password reset in progress (signed out), for as long as a reset lasts.
    public static let resetName = "portal_reset"

    public let name: String
    public let value: String
    public let maxAge: Int?
    public let secure: Bool

    public static func session(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: sessionName, value: token, maxAge: nil, secure: secure)
    }

    /// Tells the browser to forget the session cookie (used at logout).
    public static func clearSession(secure: Bool) -> Cookie {
        Cookie(name: sessionName, value: "", maxAge: 0, secure: secure)
    }

    public static func visitor(_ nonce: String, secure: Bool) -> Cookie {
        Cookie(name: visitorName, value: nonce, maxAge: nil, secure: secure)
    }

    public static func reset(_ token: String, secure: Bool) -> Cookie {
        Cookie(name: resetName, value: token, maxAge: Int(PasswordResetService.lifetime), secure: secure)
    }

    public static func clearReset(secure: Bool) -> Cookie {
        Cookie(name: resetName, value: "", maxAge: 0, secure: secure)
    }

    /// Remembered for a year: a preference, not a credential.
    public static func language(_ language: Language, secure: Bool) -> Cookie {
        Cookie(name: languageName, value: language.rawValue, maxAge: 365 * 24 * 3600, secure: secure)
    }

    /// The name a browser stores the cookie under.
    public var storedName: String { Self.storedName(name, secure: secure) }

    static func storedName(_ name: String, secure: Bool) -> String {
        secure && name != languageName ? "__Host-" + name : name
    }

    public var headerValue: String {
        var header = "\(storedName)=\(value); Path=/; HttpOnly; SameSite=Lax"
        if let maxAge { header += "; Max-Age=\(maxAge)" }
        if secure { header += "; Secure" }
        return header
    }
}
