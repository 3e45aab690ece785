import Crypto
import Foundation
import Glibc

/// The token a permit's QR code carries: which permit, an id and an expiry 60 seconds ahead, signed with the
/// portal's Ed25519 key. An officer's device can check it offline with the public key the portal publishes;
/// online, the verification page also accepts each id only once.
public struct PermitToken: Sendable, Equatable {
    public static let lifetime: TimeInterval = 60

    public let permitNumber: String
    public let id: String
    public let expiresAt: Date

    public init(permitNumber: String, id: String = SecureToken.generate(), expiresAt: Date) {
        self.permitNumber = permitNumber
        self.id = id
        self.expiresAt = expiresAt
    }

    /// `base64url(payload).base64url(signature)`, the payload being `permit|id|expiry in Unix seconds`.
    func payload() -> String {
        "\(permitNumber)|\(id)|\(Int(expiresAt.timeIntervalSince1970))"
    }

    init?(payload: String) {
        let parts = payload.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 3, let seconds = Int(parts[2]), !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(permitNumber: String(parts[0]), id: String(parts[1]), expiresAt: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}

/// The Ed25519 key pair QR tokens are signed with: created on first start in the data folder (the private key's
/// 32 raw bytes, mode 0600, refused if others can read it); the public half is published for offline checks.
public struct PermitTokenSigner: Sendable {
    private let privateKeyBytes: [UInt8]

    public init(privateKeyBytes: [UInt8]) {
        self.privateKeyBytes = privateKeyBytes
    }

    public static func random() -> PermitTokenSigner {
        PermitTokenSigner(privateKeyBytes: Array(Curve25519.Signing.PrivateKey().rawRepresentation))
    }

    /// The key pair at `path`, created (0600, exclusively) when missing.
    public static func loadOrCreate(at path: String) throws -> PermitTokenSigner {
        let bytes = try SecretFile.loadOrCreate(at: path, length: 32) {
            Array(Curve25519.Signing.PrivateKey().rawRepresentation)
        }
        return PermitTokenSigner(privateKeyBytes: bytes)
    }

    private var privateKey: Curve25519.Signing.PrivateKey {
        // 32 bytes written by this type: always a valid key.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: privateKeyBytes)
    }

    /// The public key, raw 32 bytes in base64url, as the portal publishes it.
    public var publicKeyBase64URL: String {
        SecureToken.base64URL(privateKey.publicKey.rawRepresentation)
    }

    public func sign(_ token: PermitToken) -> String {
        let payload = Data(token.payload().utf8)
        let signature = (try? privateKey.signature(for: payload)) ?? Data()
        return SecureToken.base64URL(payload) + "." + SecureToken.base64URL(signature)
    }

    /// The token if `text` is one this key signed; nil for anything else (tampered, foreign key, garbage).
    public func verified(_ text: String) -> PermitToken? {
        guard text.utf8.count <= 400 else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = SecureToken.data(base64URL: String(parts[0])),
              let signature = SecureToken.data(base64URL: String(parts[1])),
              privateKey.publicKey.isValidSignature(signature, for: payload),
              let string = String(data: payload, encoding: .utf8) else { return nil }
        return PermitToken(payload: string)
    }
}
