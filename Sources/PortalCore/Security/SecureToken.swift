import Crypto
import Foundation

/// Unguessable tokens (256 random bits, URL-safe base64) and the digests stored in their place,
/// so a copy of the database does not hold anything a browser could present.
public enum SecureToken {
    /// A new random token.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(Data(bytes))
    }

    /// Hex SHA-256 of `token`: what the database keeps.
    public static func digest(_ token: String) -> String {
        hex(SHA256.hash(data: Data(token.utf8)))
    }

    /// A value derived from `token` for one `purpose`, e.g. the CSRF token of a session:
    /// knowing it reveals nothing of the token, and it changes whenever the token does.
    public static func derive(_ token: String, purpose: String) -> String {
        let key = SymmetricKey(data: Data(token.utf8))
        return base64URL(Data(HMAC<SHA256>.authenticationCode(for: Data(purpose.utf8), using: key)))
    }

    /// Compares two secrets without stopping at the first difference.
    public static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// Lower-case hex, without Foundation's `String(format:)`, which cost more than the hash on every page view.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var characters: [UInt8] = []
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
