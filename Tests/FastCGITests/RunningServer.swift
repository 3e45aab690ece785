import Dispatch
import FastCGI
import Foundation

/// A server running on a background thread, as `portal serve` runs it on the main thread.
final class RunningServer: Sendable {
    let server: FastCGIServer
    let socketPath: String
    private let finished = DispatchSemaphore(value: 0)

    convenience init(
        workerCount: Int = 2,
        takingRequests: Int? = nil,
        maxBodyBytes: Int = 5 << 20,
        drainTimeout: Duration = .seconds(5),
        handler: @escaping @Sendable (FastCGIRequest) -> FastCGIResponse
    ) throws {
        try self.init(path: Self.temporarySocketPath(), workerCount: workerCount, takingRequests: takingRequests,
                      maxBodyBytes: maxBodyBytes, drainTimeout: drainTimeout, handler: handler)
    }

    static func on(path: String, handler: @escaping @Sendable (FastCGIRequest) -> FastCGIResponse) throws -> RunningServer {
        try RunningServer(path: path, handler: handler)
    }

    private init(
        path: String,
        workerCount: Int = 2,
        takingRequests: Int? = nil,
        maxBodyBytes: Int = 5 << 20,
        drainTimeout: Duration = .seconds(5),
        handler: @escaping @Sendable (FastCGIRequest) -> FastCGIResponse
    ) throws {
        socketPath = path
        server = try FastCGIServer(socketPath: socketPath, socketGroup: nil, workerCount: workerCount,
                                   takingRequests: takingRequests, maxBodyBytes: maxBodyBytes, backlog: 16, drainTimeout: drainTimeout)
        let server = server, finished = finished
        Thread.detachNewThread {
            server.run(handler: handler)
            finished.signal()
        }
    }

    /// Calls `stop()` and waits (bounded, so a bug fails rather than hangs) until `run()` has returned.
    func stop() -> Bool {
        server.stop()
        return waitUntilFinished()
    }

    func waitUntilFinished(timeout: DispatchTime = .now() + 10) -> Bool {
        finished.wait(timeout: timeout) == .success
    }

    /// Short on purpose: a unix socket path must fit in 107 bytes.
    static func temporarySocketPath() -> String {
        "/tmp/fcgi-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sock"
    }
}
