import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct PasswordHasherTests {
    @Test func defaultParametersGiveAnOWASPArgon2idPHCString() throws {
        // Given a hasher with the default parameters
        let hasher = PasswordHasher(gate: HashingGate(concurrentHashes: 1))
        // When a password is hashed
        let hash = try hasher.hash(Fixtures.password)
        // Then the PHC string names Argon2id v1.3 with m=19456 KiB, t=2, p=1, then salt and hash
        #expect(hash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(hash.split(separator: "$").count == 5)
        #expect(!hash.contains(Fixtures.password))
        // and it verifies
        #expect(try hasher.verify(Fixtures.password, against: hash))
    }

    @Test func rightPasswordVerifiesAndAWrongOneDoesNot() throws {
        // Given a stored hash
        let hasher = Fixtures.cheapHasher()
        let hash = try hasher.hash(Fixtures.password)
        // When passwords are checked against it
        // Then only the same password verifies (case and a trailing space matter)
        #expect(try hasher.verify(Fixtures.password, against: hash))
        #expect(try !hasher.verify("Portal2026!X", against: hash))
        #expect(try !hasher.verify(Fixtures.password + " ", against: hash))
        #expect(try !hasher.verify("", against: hash))
    }

    @Test func cheapParametersAreRecordedInTheHash() throws {
        // Given a hasher with test parameters
        // When it hashes
        let hash = try Fixtures.cheapHasher().hash("Ünïcødé-pass1")
        // Then the PHC string records them, so a later default hasher can still verify it
        #expect(hash.hasPrefix("$argon2id$v=19$m=1024,t=1,p=1$"))
        #expect(try PasswordHasher(gate: HashingGate(concurrentHashes: 1)).verify("Ünïcødé-pass1", against: hash))
    }

    @Test func samePasswordHashesDifferentlyEachTime() throws {
        // Given one password
        let hasher = Fixtures.cheapHasher()
        // When it is hashed twice
        let first = try hasher.hash(Fixtures.password), second = try hasher.hash(Fixtures.password)
        // Then the random salt makes the strings differ, and both verify
        #expect(first != second)
        #expect(try hasher.verify(Fixtures.password, against: first))
        #expect(try hasher.verify(Fixtures.password, against: second))
    }

    @Test func malformedStoredHashIsAnErrorNotAMatch() throws {
        // Given a stored value that is not a PHC string
        let hasher = Fixtures.cheapHasher()
        // When a password is checked against it
        // Then hashing fails with libargon2's code
        #expect {
            try hasher.verify(Fixtures.password, against: "not a hash")
        } throws: { error in
            if case SecurityError.hashingFailed = error { true } else { false }
        }
    }

    @Test func hashingRefusesWhenTheGateIsFull() throws {
        // Given a hasher whose only slot is held
        let gate = HashingGate(concurrentHashes: 1, maximumWait: .milliseconds(10))
        let hasher = Fixtures.cheapHasher(gate: gate)
        let hash = try hasher.hash(Fixtures.password)
        try gate.run {
            // When it is asked to hash or verify
            // Then it says it is busy
            #expect(throws: SecurityError.busy) { try hasher.hash(Fixtures.password) }
            #expect(throws: SecurityError.busy) { try hasher.verify(Fixtures.password, against: hash) }
        }
    }

    @Test func composedAndDecomposedAccentsAreTheSamePassword() throws {
        // Given a password hashed with "é" as one character
        let hasher = Fixtures.cheapHasher()
        let hash = try hasher.hash("Caf\u{E9}2026!x")
        // When it is typed as "e" followed by a combining accent
        // Then it verifies all the same
        #expect(try hasher.verify("Cafe\u{301}2026!x", against: hash))
    }
}
