import Dispatch
import Foundation
import Testing
@testable import PortalCore

@Suite struct HashingGateTests {
    private struct Failure: Error {}

    @Test func runReturnsTheWorksResult() throws {
        // Given a free gate
        let gate = HashingGate(concurrentHashes: 1)
        // When work runs through it
        // Then its result comes back
        #expect(try gate.run { 42 } == 42)
    }

    @Test func heldSlotRefusesWithBusyAfterTheMaximumWait() throws {
        // Given a gate with one slot and a tiny maximum wait
        let gate = HashingGate(concurrentHashes: 1, maximumWait: .milliseconds(5))
        var innerRan = false
        // When a second caller asks for a slot while the first one holds it
        _ = try gate.run {
            // Then the second caller is refused as busy, without running its work
            #expect(throws: SecurityError.busy) { try gate.run { innerRan = true } }
        }
        #expect(!innerRan)
        // and once the slot is released it can be taken again
        #expect(try gate.run { "free" } == "free")
    }

    @Test func twoSlotsAdmitTwoAtOnceButNotThree() throws {
        // Given a gate with two slots
        let gate = HashingGate(concurrentHashes: 2, maximumWait: .milliseconds(5))
        // When two callers hold slots
        // Then a third is refused
        try gate.run {
            _ = try gate.run {
                #expect(throws: SecurityError.busy) { try gate.run { () } }
            }
        }
    }

    @Test func slotIsReleasedWhenTheWorkThrows() throws {
        // Given a gate whose only slot was used by failing work
        let gate = HashingGate(concurrentHashes: 1, maximumWait: .milliseconds(5))
        #expect(throws: Failure.self) { try gate.run { throw Failure() } }
        // When the next caller comes
        // Then the slot is free
        #expect(try gate.run { true })
    }

    @Test func whenTheQueueIsFullCallersAreRefusedAtOnceInsteadOfWaiting() throws {
        // Given a one-slot gate whose slot is held and whose one queue place is taken by a waiting caller
        let gate = HashingGate(concurrentHashes: 1, maximumWait: .seconds(30))
        let waiterDone = DispatchSemaphore(value: 0)
        try gate.run {
            Thread.detachNewThread {
                _ = try? gate.run { () }
                waiterDone.signal()
            }
            let deadline = ContinuousClock.now + .seconds(10)
            while gate.admittedCount < 2 && ContinuousClock.now < deadline { sched_yield() }
            try #require(gate.admittedCount == 2)
            // When a third caller arrives
            let started = DispatchTime.now()
            #expect(throws: SecurityError.busy) { try gate.run { () } }
            // Then it is refused without queueing for the 30 s the others may wait
            #expect(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds < 1_000_000_000)
        }
        // and the waiter gets the slot once it is free
        #expect(waiterDone.wait(timeout: .now() + 10) == .success)
        #expect(gate.admittedCount == 0)
    }
}
