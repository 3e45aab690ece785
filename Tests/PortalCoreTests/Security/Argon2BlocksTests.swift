import Foundation
import Synchronization
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct Argon2BlocksTests {
    @Test func oneBlockServesHashAfterHashAndIsWipedBetween() throws {
        // Given a hasher
        let hasher = Fixtures.cheapHasher()
        // When it hashes and verifies one after the other
        let hash = try hasher.hash(Fixtures.password)
        let first = try #require(hasher.blocks.idleBlocks.first)
        let memory = UnsafeMutableBufferPointer(start: first.base, count: first.byteCount)
        memory.update(repeating: 0xA5)  // so that a block the hash did not use would show
        #expect(try hasher.verify(Fixtures.password, against: hash))
        // Then the one block went back to the pool each time
        #expect(hasher.blocks.idleBlocks.count == 1)
        #expect(hasher.blocks.idleBlocks.first === first)
        // and the verification used it, and libargon2 wiped it: nothing of the hash is left in it
        #expect(first.byteCount == Int(Fixtures.cheapParameters.memoryKiB) * 1024)
        #expect(memory.allSatisfy { $0 == 0 })
    }

    @Test func thePoolHoldsNoMoreBlocksThanTheGateLetsHash() throws {
        // Given a hasher whose gate lets two hash at once
        let hasher = Fixtures.cheapHasher(gate: HashingGate(concurrentHashes: 2, admitting: 16, perClient: 16))
        let hash = try hasher.hash(Fixtures.password)
        // When eight threads verify at once
        let matches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if (try? hasher.verify(Fixtures.password, against: hash)) == true { matches.withLock { $0 += 1 } }
        }
        // Then all matched, with at most two blocks made
        #expect(matches.withLock { $0 } == 8)
        #expect((1...2).contains(hasher.blocks.idleBlocks.count))
    }

    @Test func aStoredHashThatNeedsMoreMemoryThanABlockStillVerifies() throws {
        // Given a hash with the default 19 MiB cost, and a hasher whose blocks are 1 MiB
        let hash = try PasswordHasher(gate: HashingGate(concurrentHashes: 1)).hash(Fixtures.password)
        let hasher = Fixtures.cheapHasher()
        // When the small hasher checks it
        // Then it gets memory of its own for that hash, and the answer is right
        #expect(try hasher.verify(Fixtures.password, against: hash))
        #expect(try !hasher.verify("Portal2026!X", against: hash))
    }
}
