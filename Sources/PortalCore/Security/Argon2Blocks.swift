import CArgon2
import Foundation
import Synchronization

/// Argon2's working memory (19 MiB a hash with the default parameters), kept and handed from one hash to the next
/// instead of allocated for each.
///
/// A fresh block costs the kernel some 4,900 page faults to map and zero it, and its unmapping interrupts every core
/// that runs one of the process's threads: a third of a hash's time on this project's machine. The hashing gate
/// bounds the hashes at once, so the pool holds at most that many blocks, resident once used (the cost: 19 MiB a
/// hashing core). libargon2 wipes a block before it hands it back (`clear_internal_memory` in its `free_memory`), so
/// no hash sees what the one before it computed.
final class Argon2Blocks: Sendable {
    private let byteCount: Int
    private let idle = Mutex<[Block]>([])

    /// Blocks of `memoryKiB` KiB: libargon2 asks for m blocks of 1 KiB, rounded down to a multiple of 4 × lanes.
    init(memoryKiB: UInt32) {
        byteCount = Int(memoryKiB) * 1024
    }

    /// The blocks waiting for the next hash (for the tests).
    var idleBlocks: [Block] { idle.withLock { $0 } }

    /// Runs `body` (one libargon2 call whose context has `Argon2Blocks.allocate` and `.release` as its callbacks)
    /// with a block of the pool lent to this thread; a request for more than a block gets its own memory.
    func lending<T>(_ body: () -> T) -> T {
        let block = idle.withLock { $0.popLast() } ?? Block(byteCount: byteCount)
        let previous = pthread_getspecific(Self.lentBlock)
        pthread_setspecific(Self.lentBlock, Unmanaged.passUnretained(block).toOpaque())
        defer {
            pthread_setspecific(Self.lentBlock, previous)
            idle.withLock { $0.append(block) }
        }
        return withExtendedLifetime(block) { body() }
    }

    /// libargon2's allocation callback: the block lent to this thread when it is big enough, else malloc.
    static let allocate: allocate_fptr = { memory, byteCount in
        guard let memory else { return ARGON2_MEMORY_ALLOCATION_ERROR.rawValue }
        if let lent = pthread_getspecific(lentBlock),
           case let block = Unmanaged<Block>.fromOpaque(lent).takeUnretainedValue(), byteCount <= block.byteCount {
            memory.pointee = block.base
        } else {
            memory.pointee = malloc(byteCount)?.assumingMemoryBound(to: UInt8.self)
        }
        return memory.pointee == nil ? ARGON2_MEMORY_ALLOCATION_ERROR.rawValue : ARGON2_OK.rawValue
    }

    /// libargon2's release callback (after it has wiped the memory): the lent block stays; malloc's is freed.
    static let release: deallocate_fptr = { memory, _ in
        if let lent = pthread_getspecific(lentBlock),
           Unmanaged<Block>.fromOpaque(lent).takeUnretainedValue().base == memory {
            return
        }
        free(memory)
    }

    /// The block lent to the calling thread, for the callbacks, which get no context from libargon2.
    private static let lentBlock: pthread_key_t = {
        var key = pthread_key_t()
        precondition(pthread_key_create(&key, nil) == 0, "no thread-specific key for Argon2's memory")
        return key
    }()

    // @unchecked: a block's memory is used by one hash at a time (the pool lends it to one thread until it returns).
    final class Block: @unchecked Sendable {
        let base: UnsafeMutablePointer<UInt8>
        let byteCount: Int

        init(byteCount: Int) {
            self.byteCount = byteCount
            base = .allocate(capacity: byteCount)
        }

        deinit { base.deallocate() }
    }
}
