import Dispatch
import FastCGI
import HTTPTypes
import Synchronization
import Testing

/// Only `takingRequests` workers take requests at once; one that waits lends its place to a spare worker.
@Suite struct WorkerPlacesTests {
    private func get(_ uri: String) -> [(String, String)] { [("REQUEST_METHOD", "GET"), ("REQUEST_URI", uri)] }

    @Test func aWorkerWaitingWithItsPlaceLentLeavesTheRequestsToASpare() throws {
        // Given one place for two workers, and a request whose handler waits with its place lent
        let entered = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
        let running = try RunningServer(workerCount: 2, takingRequests: 1) { request in
            guard request.params["REQUEST_URI"] == "/wait" else { return echo(request) }
            entered.signal()
            FastCGIServer.lendingPlace { release.wait() }
            return echo(request)
        }
        defer { #expect(running.stop()) }
        let waiting = try FastCGITestClient(socketPath: running.socketPath)
        defer { waiting.close() }
        try waiting.send(params: get("/wait"))
        #expect(entered.wait(timeout: .now() + 10) == .success)

        // When another request comes, then the spare worker answers it while the first still waits
        let other = try FastCGITestClient(socketPath: running.socketPath)
        defer { other.close() }
        try other.send(params: get("/other"))
        #expect(try other.receive().bodyText.contains("uri=/other"))

        // And the waiting one is answered once its wait ends
        release.signal()
        #expect(try waiting.receive().bodyText.contains("uri=/wait"))
    }

    @Test func aWorkerThatKeepsItsPlaceHoldsTheOtherRequestsBack() throws {
        // Given one place for two workers, and a handler that holds it, watching for a second request starting
        let entered = DispatchSemaphore(value: 0), secondStarted = DispatchSemaphore(value: 0)
        let startedMeanwhile = Mutex(false)
        let running = try RunningServer(workerCount: 2, takingRequests: 1) { request in
            guard request.params["REQUEST_URI"] == "/hold" else {
                secondStarted.signal()
                return echo(request)
            }
            entered.signal()
            // The one bounded wait for something that must not happen: the spare must not take the second request.
            let started = secondStarted.wait(timeout: .now() + 0.3) == .success
            startedMeanwhile.withLock { $0 = started }
            return echo(request)
        }
        defer { #expect(running.stop()) }
        let holding = try FastCGITestClient(socketPath: running.socketPath)
        try holding.send(params: get("/hold"))
        #expect(entered.wait(timeout: .now() + 10) == .success)
        let other = try FastCGITestClient(socketPath: running.socketPath)
        defer { other.close() }
        try other.send(params: get("/other"))

        // Then the second is answered only after the first, which never saw it start
        #expect(try holding.receive().bodyText.contains("uri=/hold"))
        // Closed as nginx does once it has an answer it does not keep the connection for (libfcgi waits for that).
        holding.close()
        #expect(try other.receive().bodyText.contains("uri=/other"))
        #expect(startedMeanwhile.withLock { $0 } == false)
    }

    @Test func aLargeBodyLeftUnreadDrainsWithThePlaceLent() throws {
        // Given one place for two workers, and an upload answered without its body being read, whose body nginx is
        // still sending
        let running = try RunningServer(workerCount: 2, takingRequests: 1) { request in
            request.params["REQUEST_URI"] == "/upload" ? FastCGIResponse(head: HTTPResponse(status: .seeOther)) : echo(request)
        }
        defer { #expect(running.stop()) }
        let upload = try FastCGITestClient(socketPath: running.socketPath)
        defer { upload.close() }
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        try upload.send(params: [("REQUEST_METHOD", "POST"), ("REQUEST_URI", "/upload"),
                                 ("CONTENT_LENGTH", String(body.count))], bodyStart: Array(body[..<100_000]))

        // When another request comes while the worker drains the rest, then it is answered meanwhile
        let other = try FastCGITestClient(socketPath: running.socketPath)
        defer { other.close() }
        try other.send(params: get("/other"))
        #expect(try other.receive().bodyText.contains("uri=/other"))

        // And the upload's answer arrives once its body is all in
        try upload.sendRest(ofBody: Array(body[100_000...]))
        #expect(try upload.receive().head.contains("303"))
    }

    @Test func aStopWakesTheSpareWorkers() throws {
        // Given three spare workers asleep for want of a place, and a drain timeout longer than the test waits
        let running = try RunningServer(workerCount: 4, takingRequests: 1, drainTimeout: .seconds(60), handler: echo)
        let client = try FastCGITestClient(socketPath: running.socketPath)
        try client.send(params: get("/one"))
        #expect(try client.receive().bodyText.contains("uri=/one"))
        client.close()

        // When the server stops, then run() returns with every worker joined (the spares too), well within the wait
        running.server.stop()
        #expect(running.waitUntilFinished(timeout: .now() + 10))
    }
}
