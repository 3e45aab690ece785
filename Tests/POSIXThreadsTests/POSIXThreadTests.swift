import Dispatch
import Glibc
import Synchronization
import Testing
import POSIXThreads

@Suite struct POSIXThreadTests {
    @Test func aStartedThreadRunsItsBodyOnAThreadOfItsOwnAndJoinWaitsForIt() throws {
        // Given the test's own thread
        let caller = pthread_self()
        let ranOn = Mutex<pthread_t?>(nil)
        // When a thread is started and joined
        let thread = try POSIXThread.start { ranOn.withLock { $0 = pthread_self() } }
        thread.join()
        // Then its body has run by the time join returns, on another thread
        let body = try #require(ranOn.withLock { $0 })
        #expect(pthread_equal(body, caller) == 0)
    }

    @Test func aDetachedThreadStillRunsItsBody() throws {
        // Given a thread that signals when its body runs
        let ran = DispatchSemaphore(value: 0)
        // When it is detached at once
        try POSIXThread.start { ran.signal() }.detach()
        // Then its body runs all the same
        #expect(ran.wait(timeout: .now() + 10) == .success)
    }

    @Test func aThreadStartedWithANiceValueRunsAtItAndTheCallerKeepsItsOwn() throws {
        // Given the caller's nice value
        let callers = POSIXThread.callingThreadNice
        let higherNice = min(19, max(0, callers) + 2)
        let ranAt = Mutex<Int32?>(nil)
        // When a thread is started at a higher one
        try POSIXThread.start(nice: higherNice) { ranAt.withLock { $0 = POSIXThread.callingThreadNice } }.join()
        // Then it ran at that value, and the caller's thread is untouched
        #expect(ranAt.withLock { $0 } == higherNice)
        #expect(POSIXThread.callingThreadNice == callers)
    }
}
