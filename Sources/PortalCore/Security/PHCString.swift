import Foundation

/// An Argon2id v1.3 hash as a PHC string, `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>` (unpadded base64), the
/// form libargon2's `argon2id_hash_encoded` writes. `PasswordHasher` encodes and decodes it itself because
/// libargon2's encoded calls allocate Argon2's memory on their own, and only its context calls take `Argon2Blocks`.
struct PHCString: Equatable {
    var parameters: PasswordHasher.Parameters
    var salt: [UInt8]
    var hash: [UInt8]

    init(parameters: PasswordHasher.Parameters, salt: [UInt8], hash: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    /// Decodes exactly what `encoded` writes, and nothing else: any other string (another variant or version,
    /// padding, a leading zero) is nil, for libargon2's own decoder to judge, so that both read a string alike.
    init?(decoding string: String) {
        let fields = string.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0].isEmpty, fields[1] == "argon2id", fields[2] == "v=19" else { return nil }
        let costs = fields[3].split(separator: ",", omittingEmptySubsequences: false)
        guard costs.count == 3,
              let memory = Self.number(costs[0], named: "m="),
              let iterations = Self.number(costs[1], named: "t="),
              let parallelism = Self.number(costs[2], named: "p="),
              let salt = Self.bytes(fromBase64: fields[4]), let hash = Self.bytes(fromBase64: fields[5]) else {
            return nil
        }
        parameters = PasswordHasher.Parameters()
        parameters.memoryKiB = memory
        parameters.iterations = iterations
        parameters.parallelism = parallelism
        self.salt = salt
        self.hash = hash
        guard encoded == string else { return nil }
    }

    var encoded: String {
        "$argon2id$v=19$m=\(parameters.memoryKiB),t=\(parameters.iterations),p=\(parameters.parallelism)$"
            + Self.base64(salt) + "$" + Self.base64(hash)
    }

    private static func number(_ field: Substring, named name: String) -> UInt32? {
        guard field.hasPrefix(name) else { return nil }
        return UInt32(field.dropFirst(name.count))
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        String(Data(bytes).base64EncodedString().prefix { $0 != "=" })
    }

    private static func bytes(fromBase64 field: Substring) -> [UInt8]? {
        let padding = String(repeating: "=", count: (4 - field.count % 4) % 4)
        return Data(base64Encoded: field + padding).map { [UInt8]($0) }
    }
}
