import Dispatch
import FastCGI
import Testing

/// Kept connections (nginx's fastcgi_keep_conn) are parked between requests, not held by a worker thread.
@Suite struct ConnectionSourceTests {
    private let get = [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/first")]

    @Test func anIdleKeptConnectionLeavesTheOnlyWorkerToANewOne() throws {
        // Given one worker and a connection the web server keeps open, idle after its first request
        let running = try RunningServer(workerCount: 1, handler: echo)
        defer { #expect(running.stop()) }
        let kept = try FastCGITestClient(socketPath: running.socketPath)
        defer { kept.close() }
        try kept.send(params: get, keepConnection: true)
        #expect(try kept.receive().bodyText.contains("uri=/first"))

        // When a second connection brings a request, then the worker answers it (libfcgi alone waits on the idle one)
        let other = try FastCGITestClient(socketPath: running.socketPath)
        try other.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/other")])
        #expect(try other.receive().bodyText.contains("uri=/other"))
        // As nginx does once a connection it does not keep has its answer (libfcgi waits for that close).
        other.close()

        // And the kept connection still carries its next request
        try kept.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/second")], keepConnection: true)
        #expect(try kept.receive().bodyText.contains("uri=/second"))
    }

    @Test func aKeptConnectionClosedByTheWebServerCostsNoWorker() throws {
        // Given one worker and a kept connection that the web server then closes
        let running = try RunningServer(workerCount: 1, handler: echo)
        defer { #expect(running.stop()) }
        let kept = try FastCGITestClient(socketPath: running.socketPath)
        try kept.send(params: get, keepConnection: true)
        #expect(try kept.receive().bodyText.contains("uri=/first"))
        kept.close()

        // Then requests on new connections are still answered, one after another
        for index in 0..<3 {
            let client = try FastCGITestClient(socketPath: running.socketPath)
            defer { client.close() }
            try client.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/next\(index)")])
            #expect(try client.receive().bodyText.contains("uri=/next\(index)"))
        }
    }

    @Test func manyKeptConnectionsShareFewWorkers() throws {
        // Given two workers and twenty connections kept open between their requests
        let running = try RunningServer(workerCount: 2, handler: echo)
        defer { #expect(running.stop()) }
        let clients = try (0..<20).map { _ in try FastCGITestClient(socketPath: running.socketPath) }
        defer { clients.forEach { $0.close() } }

        // When each sends three requests in turn, then every one is answered on its own connection
        for round in 0..<3 {
            for (index, client) in clients.enumerated() {
                try client.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/\(index)/\(round)")],
                                keepConnection: true)
                #expect(try client.receive().bodyText.contains("uri=/\(index)/\(round)\n"))
            }
        }
    }

    @Test func aStopWakesEveryWorkerWaitingForConnections() throws {
        // Given eight workers all waiting in epoll, and a drain timeout longer than the test waits
        let running = try RunningServer(workerCount: 8, drainTimeout: .seconds(60), handler: echo)
        let client = try FastCGITestClient(socketPath: running.socketPath)
        try client.send(params: get)
        #expect(try client.receive().bodyText.contains("uri=/first"))
        client.close()

        // When the server stops, then every one of them sees it (the kernel wakes one waiter per event, and the stop's
        // event stays readable for the next), so run() returns with all joined, well within the wait
        running.server.stop()
        #expect(running.waitUntilFinished(timeout: .now() + 10))
    }
}
