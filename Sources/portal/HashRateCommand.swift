import ArgumentParser
import Dispatch
import Foundation
import PortalCore

/// `portal hash-rate`: how many Argon2id hashes a second the given threads manage, with the parameters logins
/// use. The benchmark prints it beside the login throughput, measured in the same run on the same machine.
struct HashRateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash-rate", abstract: "Measure the raw Argon2id rate (the parameters of logins).")

    @Option(help: "Threads hashing at once (serve hashes on all cores but one).")
    var threads = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    @Option(help: "How long to hash, in seconds.")
    var seconds = 5.0

    func validate() throws {
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be 1 to 64") }
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be above 0 and at most 600") }
    }

    func run() throws {
        HashingMemory.limitResidentMemory()
        let hasher = PasswordHasher(gate: HashingGate(concurrentHashes: threads))
        let counts = Counts(threads)
        let started = DispatchTime.now()
        let deadline = started + seconds
        DispatchQueue.concurrentPerform(iterations: threads) { index in
            while DispatchTime.now() < deadline {
                guard (try? hasher.hash("Portal2026!x")) != nil else { return }
                counts.add(at: index)
            }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let total = counts.total
        print(String(format: "hashes=%d seconds=%.2f threads=%d rate=%.1f", total, elapsed, threads,
                     Double(total) / elapsed))
    }
}

/// One counter per thread, added up at the end.
private final class Counts: @unchecked Sendable {
    // @unchecked: each thread writes only its own slot; the total is read after all have finished.
    private let values: UnsafeMutableBufferPointer<Int>
    init(_ count: Int) { values = .allocate(capacity: count); values.initialize(repeating: 0) }
    deinit { values.deallocate() }
    func add(at index: Int) { values[index] += 1 }
    var total: Int { values.reduce(0, +) }
}
