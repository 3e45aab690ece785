import CArgon2
import Foundation

/// Argon2id hashing of login passwords and PINs, stored as PHC strings (`$argon2id$v=19$m=…`).
public struct PasswordHasher: Sendable {
    /// Argon2id cost; the default is OWASP's recommendation (19 MiB, 2 passes, 1 lane).
    public struct Parameters: Sendable, Equatable {
        public var memoryKiB: UInt32 = 19_456
        public var iterations: UInt32 = 2
        public var parallelism: UInt32 = 1
        public init() {}
    }

    private static let saltLength = 16
    private static let hashLength = 32

    private let parameters: Parameters
    private let gate: HashingGate
    let blocks: Argon2Blocks

    public init(parameters: Parameters = Parameters(), gate: HashingGate) {
        self.parameters = parameters
        self.gate = gate
        blocks = Argon2Blocks(memoryKiB: parameters.memoryKiB)
    }

    /// What a wait for a hash does (the gate's), for the other waits of a password or PIN check (`SecretChecks`).
    public var stepAside: StepAside { gate.stepAside }

    /// A new PHC string for `secret`, with a fresh random salt.
    public func hash(_ secret: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltLength).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        var phc = PHCString(parameters: parameters, salt: salt, hash: [UInt8](repeating: 0, count: Self.hashLength))
        let bytes = Self.bytes(of: secret)
        let result = try gate.run { computing(&phc, of: bytes, compare: false) }
        guard result == ARGON2_OK.rawValue else { throw SecurityError.hashingFailed(code: result) }
        return phc.encoded
    }

    /// Whether `secret` matches the PHC string `encoded` (constant-time inside libargon2).
    public func verify(_ secret: String, against encoded: String) throws -> Bool {
        let bytes = Self.bytes(of: secret)
        let result: Int32
        if var stored = PHCString(decoding: encoded) {
            result = try gate.run { computing(&stored, of: bytes, compare: true) }
        } else {
            // Not a string this type writes: libargon2 decodes it (allocating its own memory) or names what is wrong.
            result = try gate.run { argon2id_verify(encoded, bytes, bytes.count) }
        }
        switch result {
        case ARGON2_OK.rawValue: return true
        case ARGON2_VERIFY_MISMATCH.rawValue: return false
        default: throw SecurityError.hashingFailed(code: result)
        }
    }

    /// Argon2id of `secret` with `phc`'s parameters and salt, in memory from `blocks`: written into `phc.hash`, or,
    /// when comparing, checked against it (`ARGON2_OK` or `ARGON2_VERIFY_MISMATCH`).
    private func computing(_ phc: inout PHCString, of secret: [UInt8], compare: Bool) -> Int32 {
        var secret = secret, salt = phc.salt, expected = phc.hash
        var output = [UInt8](repeating: 0, count: phc.hash.count)
        let parameters = phc.parameters
        let result = secret.withUnsafeMutableBufferPointer { secret in
            salt.withUnsafeMutableBufferPointer { salt in
                output.withUnsafeMutableBufferPointer { output in
                    var context = argon2_context(
                        out: output.baseAddress, outlen: UInt32(output.count),
                        pwd: secret.baseAddress, pwdlen: UInt32(secret.count),
                        salt: salt.baseAddress, saltlen: UInt32(salt.count),
                        secret: nil, secretlen: 0, ad: nil, adlen: 0,
                        t_cost: parameters.iterations, m_cost: parameters.memoryKiB,
                        lanes: parameters.parallelism, threads: parameters.parallelism,
                        version: UInt32(ARGON2_VERSION_13.rawValue),
                        allocate_cbk: Argon2Blocks.allocate, free_cbk: Argon2Blocks.release,
                        flags: 0) // ARGON2_DEFAULT_FLAGS: Swift does not import its macro
                    return blocks.lending {
                        compare ? argon2_verify_ctx(&context, &expected, Argon2_id) : argon2id_ctx(&context)
                    }
                }
            }
        }
        if !compare { phc.hash = output }
        return result
    }

    /// The secret's UTF-8 bytes in Unicode normal form C, so "é" typed as one character or as "e" plus an
    /// accent (as some keyboards and systems send it) is the same password.
    static func bytes(of secret: String) -> [UInt8] {
        Array(secret.precomposedStringWithCanonicalMapping.utf8)
    }
}
