import Dispatch
import FastCGI
import HTTPTypes
import Glibc
import Testing

@Suite("FastCGIServer stopping")
struct FastCGIServerStopTests {
    @Test func stopLetsTheRequestInFlightFinish() throws {
        // Given a handler that is busy until released
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let running = try RunningServer { request in
            started.signal()
            release.wait()
            return echo(request)
        }
        let client = try FastCGITestClient(socketPath: running.socketPath)
        try client.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/slow")])
        #expect(started.wait(timeout: .now() + 10) == .success)

        // When the server is stopped while the handler runs
        running.server.stop()
        #expect(running.waitUntilFinishedWithin(milliseconds: 0) == false)  // run() waits for the worker
        release.signal()

        // Then the answer still arrives, run() returns, and the socket file is gone
        #expect(try client.receive().bodyText.contains("uri=/slow"))
        client.close()  // as nginx does; libfcgi lingers up to 2 s for the peer to close
        #expect(running.waitUntilFinished())
        #expect(access(running.socketPath, F_OK) != 0)
    }

    @Test func stopBeforeRunMakesRunReturnAtOnce() throws {
        let path = RunningServer.temporarySocketPath()
        let server = try FastCGIServer(socketPath: path)
        server.stop()

        server.run { _ in FastCGIResponse(head: HTTPResponse(status: .internalServerError)) }

        #expect(access(path, F_OK) != 0)
    }

    @Test func serverNotRunRemovesItsSocketWhenReleased() throws {
        let path = RunningServer.temporarySocketPath()
        do {
            let server = try FastCGIServer(socketPath: path)
            #expect(access(path, F_OK) == 0)
            withExtendedLifetime(server) {}
        }
        #expect(access(path, F_OK) != 0)
    }

    @Test func workerHeldByAnIdleKeptConnectionDoesNotBlockStopping() throws {
        // Given the only worker waiting on a connection the web server keeps open between requests
        let running = try RunningServer(workerCount: 1, drainTimeout: .milliseconds(200), handler: echo)
        let client = try FastCGITestClient(socketPath: running.socketPath)
        defer { client.close() }
        try client.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/kept")], keepConnection: true)
        #expect(try client.receive().bodyText.contains("uri=/kept"))

        // When the server is stopped, then run() still returns once the drain timeout has passed
        #expect(running.stop())
        #expect(access(running.socketPath, F_OK) != 0)
    }
}

extension RunningServer {
    func waitUntilFinishedWithin(milliseconds: Int) -> Bool {
        waitUntilFinished(timeout: .now() + .milliseconds(milliseconds))
    }
}
