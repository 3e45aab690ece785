import Crypto
import Foundation
import Glibc

/// The one server secret: the key of the CSRF tokens of anonymous forms and of the MACs that short codes are
/// stored as. Created on first start in the data folder (32 random bytes, mode 0600); a file that other users
/// could read is refused, since whoever holds it can forge tokens.
public struct ServerSecret: Sendable {
    public typealias LoadError = SecretFile.LoadError

    static let length = 32
    /// The key made once: a MAC is asked for on every signed-in page (its forms' CSRF token).
    private let key: KeyBox

    /// A secret from known bytes (tests, or a key a deployment keeps elsewhere).
    public init(bytes: [UInt8]) {
        precondition(bytes.count >= 16, "a server secret needs at least 128 bits")
        key = KeyBox(SymmetricKey(data: bytes))
    }

    /// A fresh random secret that is never written anywhere (tests).
    public static func random() -> ServerSecret {
        ServerSecret(bytes: randomBytes(length))
    }

    /// Reads the secret at `path`, creating it when missing.
    public static func loadOrCreate(at path: String) throws -> ServerSecret {
        ServerSecret(bytes: try SecretFile.loadOrCreate(at: path, length: length) { randomBytes(length) })
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// HMAC-SHA256 of `message` for one `purpose`, URL-safe base64: the same inputs always give the same value,
    /// and nobody without the secret can make one.
    public func mac(_ message: String, purpose: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data("\(purpose)\u{0}\(message)".utf8), using: key.key)
        return SecureToken.base64URL(Data(code))
    }
}

/// swift-crypto's `SymmetricKey` is an immutable value that is not marked Sendable; it is only ever read.
private final class KeyBox: @unchecked Sendable {
    let key: SymmetricKey
    init(_ key: SymmetricKey) { self.key = key }
}

/// A key kept as a file in the data folder: created on first start (mode 0600, exclusively, so two starting
/// processes agree), refused when others could read it, since whoever holds it can forge what it signs.
public enum SecretFile {
    public enum LoadError: Error, CustomStringConvertible, Equatable {
        case readableByOthers(path: String, mode: String)
        case unusable(path: String, reason: String)

        public var description: String {
            switch self {
            case .readableByOthers(let path, let mode):
                "\(path) has mode \(mode): a key must be readable by its owner only (chmod 600)"
            case .unusable(let path, let reason): "\(path): \(reason)"
            }
        }
    }

    /// The `length` bytes at `path`, or `make()`'s, written there first when the file does not exist.
    public static func loadOrCreate(at path: String, length: Int, make: () -> [UInt8]) throws -> [UInt8] {
        if let created = try create(at: path, make: make) { return created }
        var status = stat()
        guard stat(path, &status) == 0 else { throw LoadError.unusable(path: path, reason: String(cString: strerror(errno))) }
        guard status.st_mode & 0o077 == 0 else {
            throw LoadError.readableByOthers(path: path, mode: String(status.st_mode & 0o777, radix: 8))
        }
        guard let data = FileManager.default.contents(atPath: path), data.count == length else {
            throw LoadError.unusable(path: path, reason: "is not a \(length)-byte key")
        }
        return Array(data)
    }

    private static func create(at path: String, make: () -> [UInt8]) throws -> [UInt8]? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return nil }
            throw LoadError.unusable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        let bytes = make()
        guard write(descriptor, bytes, bytes.count) == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw LoadError.unusable(path: path, reason: "could not be written")
        }
        return bytes
    }
}
