import CArgon2
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct PHCStringTests {
    /// libargon2's own PHC string for `password` with the cheap test parameters and `salt`.
    private func libargon2String(_ password: String, salt: [UInt8]) -> String {
        let cost = Fixtures.cheapParameters
        let length = argon2_encodedlen(cost.iterations, cost.memoryKiB, cost.parallelism, UInt32(salt.count), 32,
                                       Argon2_id)
        var encoded = [CChar](repeating: 0, count: length)
        let bytes = Array(password.utf8)
        let result = argon2id_hash_encoded(cost.iterations, cost.memoryKiB, cost.parallelism, bytes, bytes.count,
                                           salt, salt.count, 32, &encoded, length)
        #expect(result == ARGON2_OK.rawValue)
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func readsAndWritesLibargon2sStringsAlike() throws {
        // Given a string libargon2 wrote
        let salt: [UInt8] = Array(0..<16)
        let written = libargon2String(Fixtures.password, salt: salt)
        // When it is decoded
        let phc = try #require(PHCString(decoding: written))
        // Then it has libargon2's parameters, salt and a 32-byte hash, and encodes back to the same string
        #expect(phc.parameters == Fixtures.cheapParameters)
        #expect(phc.salt == salt)
        #expect(phc.hash.count == 32)
        #expect(phc.encoded == written)
    }

    @Test func theHashersStringsAndLibargon2sVerifyEachOther() throws {
        // Given a hash the hasher wrote, and one libargon2 wrote
        let hasher = Fixtures.cheapHasher()
        let ours = try hasher.hash(Fixtures.password)
        let theirs = libargon2String(Fixtures.password, salt: Array(repeating: 7, count: 16))
        // When each is checked by the other side
        let bytes = Array(Fixtures.password.utf8)
        // Then the right password matches both ways, and a wrong one neither
        #expect(argon2id_verify(ours, bytes, bytes.count) == ARGON2_OK.rawValue)
        #expect(try hasher.verify(Fixtures.password, against: theirs))
        #expect(try !hasher.verify("Portal2026!X", against: theirs))
        #expect(argon2id_verify(ours, Array("Portal2026!X".utf8), 12) == ARGON2_VERIFY_MISMATCH.rawValue)
    }

    @Test(arguments: [
        "$argon2i$v=19$m=1024,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$",  // another variant
        "$argon2id$v=16$m=1024,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$AAECAwQFBgcICQoLDA0ODw",  // another version
        "$argon2id$m=1024,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$AAECAwQFBgcICQoLDA0ODw",  // no version: v1.0
        "$argon2id$v=19$m=01024,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$AAECAwQFBgcICQoLDA0ODw",  // a leading zero
        "$argon2id$v=19$m=1024,t=1,p=1$AAECAwQFBgcICQoLDA0ODw==$AAECAwQFBgcICQoLDA0ODw",  // padding
        "$argon2id$v=19$m=1024,t=1$AAECAwQFBgcICQoLDA0ODw$AAECAwQFBgcICQoLDA0ODw",  // no p
        "$argon2id$v=19$m=1024,t=1,p=1$AAECAwQFBgc*CQoLDA0ODw$AAECAwQFBgcICQoLDA0ODw",  // not base64
        "$argon2id$v=19$m=1024,t=1,p=1$AAECAwQFBgcICQoLDA0ODw$AAECAwQFBgcICQoLDA0ODw$",  // a field too many
        "not a hash",
    ])
    func decodesNothingButWhatItWrites(_ string: String) {
        // Given a string that is not exactly what PHCString writes
        // When it is decoded
        // Then it is nil, for libargon2's decoder to judge
        #expect(PHCString(decoding: string) == nil)
    }
}
