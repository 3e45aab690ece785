import CArgon2
import Foundation

/// Argon2id hashing of login passwords and PINs, stored as PHC strings (`$argon2id$v=19$m=…`).
public struct PasswordHasher: Sendable {
    /// Argon2id cost; the default is OWASP's recommendation (19 MiB, 2 passes, 1 lane).
    public struct Parameters: Sendable {
        public var memoryKiB: UInt32 = 19_456
        public var iterations: UInt32 = 2
        public var parallelism: UInt32 = 1
        public init() {}
    }

    private static let saltLength = 16
    private static let hashLength = 32

    private let parameters: Parameters
    private let gate: HashingGate

    public init(parameters: Parameters = Parameters(), gate: HashingGate) {
        self.parameters = parameters
        self.gate = gate
    }

    /// What a wait for a hash does (the gate's), for the other waits of a password or PIN check (`SecretChecks`).
    public var stepAside: StepAside { gate.stepAside }

    /// A new PHC string for `secret`, with a fresh random salt.
    public func hash(_ secret: String) throws -> String {
        var salt = [UInt8](repeating: 0, count: Self.saltLength)
        var generator = SystemRandomNumberGenerator()
        for index in salt.indices { salt[index] = generator.next() }
        let encodedLength = argon2_encodedlen(parameters.iterations, parameters.memoryKiB, parameters.parallelism,
                                              UInt32(Self.saltLength), UInt32(Self.hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: encodedLength)
        let bytes = Self.bytes(of: secret)
        let result = try gate.run {
            argon2id_hash_encoded(parameters.iterations, parameters.memoryKiB, parameters.parallelism,
                                  bytes, bytes.count, salt, salt.count, Self.hashLength, &encoded, encodedLength)
        }
        guard result == ARGON2_OK.rawValue else { throw SecurityError.hashingFailed(code: result) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `secret` matches the PHC string `encoded` (constant-time inside libargon2).
    public func verify(_ secret: String, against encoded: String) throws -> Bool {
        let bytes = Self.bytes(of: secret)
        let result = try gate.run { argon2id_verify(encoded, bytes, bytes.count) }
        switch result {
        case ARGON2_OK.rawValue: return true
        case ARGON2_VERIFY_MISMATCH.rawValue: return false
        default: throw SecurityError.hashingFailed(code: result)
        }
    }

    /// The secret's UTF-8 bytes in Unicode normal form C, so "é" typed as one character or as "e" plus an
    /// accent (as some keyboards and systems send it) is the same password.
    static func bytes(of secret: String) -> [UInt8] {
        Array(secret.precomposedStringWithCanonicalMapping.utf8)
    }
}
