import Dispatch
import Foundation
import POSIXThreads
import Synchronization
import Testing
@testable import PortalCore

@Suite struct HashingGateTests {
    private struct Failure: Error {}

    /// The clients in the order their work ran.
    private final class Order: Sendable {
        private let names = Mutex<[String]>([])
        func append(_ name: String) { names.withLock { $0.append(name) } }
        var list: [String] { names.withLock { $0 } }
    }

    @Test func runReturnsTheWorksResult() throws {
        // Given a free gate
        let gate = HashingGate(concurrentHashes: 1)
        // When work runs through it
        // Then its result comes back
        #expect(try gate.run { 42 } == 42)
    }

    @Test func workRunsOnAHashingThreadAtTheGatesNicenessAndTheCallersPriorityIsUntouched() throws {
        // Given the caller's own nice value, and a gate whose hashing threads run at a higher one (lower priority)
        let callersNice = POSIXThread.callingThreadNice
        let niceness = min(19, max(0, callersNice) + 3)
        let gate = HashingGate(concurrentHashes: 1, niceness: niceness)
        // When work reads the nice value of the thread it runs on
        let hashingNice = try gate.run { POSIXThread.callingThreadNice }
        // Then it ran at the gate's, and the caller's thread kept its own
        #expect(hashingNice == niceness)
        #expect(POSIXThread.callingThreadNice == callersNice)
    }

    @Test func aHashingThreadEndsOnceNoWorkIsQueued() throws {
        // Given a gate that has just run work
        let gate = HashingGate(concurrentHashes: 2)
        #expect(try gate.run { gate.hashingThreadCount } == 1)
        // When nothing more is queued
        let deadline = ContinuousClock.now + .seconds(10)
        while gate.hashingThreadCount > 0 && ContinuousClock.now < deadline { sched_yield() }
        // Then its hashing thread has ended
        #expect(gate.hashingThreadCount == 0)
    }

    @Test func aRefusedThreadStartAnswersBusyAndLeavesNoThreadCounted() throws {
        // Given a gate on a system that refuses every new thread
        let gate = HashingGate(concurrentHashes: 1, admitting: nil, perClient: nil, maximumWait: .seconds(30),
                               niceness: 0, stepAside: .justWait, startThread: { _ in false })
        var ran = false
        // When work comes
        // Then it is refused as busy at once, not after the 30 s wait, and never runs
        let started = DispatchTime.now()
        #expect(throws: SecurityError.busy) { try gate.run { ran = true } }
        #expect(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds < 1_000_000_000)
        #expect(!ran)
        // and no thread is left counted, nor any request admitted, so the next login may start one
        #expect(gate.hashingThreadCount == 0)
        #expect(gate.admittedCount == 0)
    }

    @Test func workAThreadTookBeforeTheWaitEndedIsWaitedForNotRefused() throws {
        // Given a gate with a 10 ms wait, and work that runs 50 ms, past that wait
        let gate = HashingGate(concurrentHashes: 1, maximumWait: .milliseconds(10))
        let nobodySignals = DispatchSemaphore(value: 0)
        // When it runs
        let result = try gate.run {
            nobodySignals.wait(timeout: .now() + .milliseconds(50)) == .timedOut ? "done" : "signalled"
        }
        // Then its caller got its result: the wait bounds the queue, not the hash
        #expect(result == "done")
    }

    @Test func anAdmittedRequestWaitsInsideItsStepAsideARefusedOneDoesNot() throws {
        // Given a gate with one slot for one request, whose step aside notes what ran inside it
        let inside = Order()
        let gate = HashingGate(concurrentHashes: 1, admitting: 1, maximumWait: .milliseconds(5),
                               stepAside: StepAside { work in
                                   inside.append("aside")
                                   work()
                               })
        // When one request hashes, and a second comes while the first holds the only place
        let result = try gate.run {
            inside.append("hash")
            #expect(throws: SecurityError.busy) { try gate.run { inside.append("refused hash") } }
            return 7
        }
        // Then the first waited for its hash inside its step aside and got its result; the refused one stepped nowhere
        #expect(result == 7)
        #expect(inside.list == ["aside", "hash"])
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
        let gate = HashingGate(concurrentHashes: 2, perClient: 4, maximumWait: .milliseconds(5))
        // When two callers hold slots (the second called from the first's hashing thread)
        // Then a third, admitted to the queue, finds no thread free within the wait
        try gate.run {
            _ = try gate.run {
                #expect(gate.hashingThreadCount == 2)
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

    /// Starts a caller on its own thread as `client` and waits until the gate has admitted it; its work waits for
    /// `release` when given (a caller holding a hashing thread), then records the client.
    private func queue(_ client: String, on gate: HashingGate, recording order: Order,
                       done: DispatchSemaphore, holdingUntil release: DispatchSemaphore? = nil) throws {
        let before = gate.admittedCount
        Thread.detachNewThread {
            HashingGate.$client.withValue(client) {
                _ = try? gate.run {
                    release?.wait()
                    order.append(client)
                }
            }
            done.signal()
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while gate.admittedCount == before && ContinuousClock.now < deadline { sched_yield() }
        try #require(gate.admittedCount == before + 1)
    }

    @Test func aFreedSlotGoesToTheWaitingAddressesInTurn() throws {
        // Given a one-slot gate whose slot is held, three logins queued from address a, then one from address b
        let gate = HashingGate(concurrentHashes: 1, admitting: 8, perClient: 4, maximumWait: .seconds(30))
        let order = Order(), done = DispatchSemaphore(value: 0)
        try HashingGate.$client.withValue("holder") {
            try gate.run {
                for client in ["a1", "a1", "a1", "b"] {
                    try queue(client, on: gate, recording: order, done: done)
                }
            }
        }
        for _ in 0..<4 { #expect(done.wait(timeout: .now() + 10) == .success) }
        // Then b's login is the second to hash, not the fourth: one address's queue does not hold up another's
        #expect(order.list == ["a1", "b", "a1", "a1"])
        #expect(gate.admittedCount == 0)
    }

    @Test func anAddressBeyondItsShareIsRefusedWhileAnotherIsAdmitted() throws {
        // Given a one-slot gate where address a holds the slot and has one more login queued (its share of two)
        let gate = HashingGate(concurrentHashes: 1, admitting: 8, perClient: 2, maximumWait: .seconds(30))
        let order = Order(), done = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        try queue("a", on: gate, recording: order, done: done, holdingUntil: release)
        try queue("a", on: gate, recording: order, done: done)
        // When a third login comes from a, then it is refused at once
        HashingGate.$client.withValue("a") {
            #expect(throws: SecurityError.busy) { try gate.run { () } }
        }
        // while a login from b still queues
        try queue("b", on: gate, recording: order, done: done)
        release.signal()
        for _ in 0..<3 { #expect(done.wait(timeout: .now() + 10) == .success) }
        #expect(order.list.sorted() == ["a", "a", "b"])
    }

    @Test func aWaiterThatTimesOutLeavesTheQueueToTheNext() throws {
        // Given a one-slot gate with a short wait, its slot held past that wait by one caller while another queues
        let gate = HashingGate(concurrentHashes: 1, admitting: 4, perClient: 4, maximumWait: .milliseconds(20))
        try gate.run {
            let refused = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                if (try? gate.run { () }) == nil { refused.signal() }
            }
            // Then the waiter is refused as busy once its wait is over, and counted out of the queue
            #expect(refused.wait(timeout: .now() + 10) == .success)
            let deadline = ContinuousClock.now + .seconds(10)
            while gate.admittedCount != 1 && ContinuousClock.now < deadline { sched_yield() }
            #expect(gate.admittedCount == 1)
        }
        // and the freed slot is free, not handed to the caller that left
        #expect(try gate.run { "free" } == "free")
        #expect(gate.admittedCount == 0)
    }
}
