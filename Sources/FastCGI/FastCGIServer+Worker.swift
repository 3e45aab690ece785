import CFastCGI
import Glibc

extension FastCGIServer {
    /// One worker: a heap-allocated FCGX_Request of its own, accept under the gate, handle, finish; again.
    func serveUntilStopped(handler: @Sendable (FastCGIRequest) -> FastCGIResponse) {
        StopSignals.blockBrokenPipeInCallingThread()
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        defer {
            FCGX_Free(request, 1)
            request.deallocate()
        }
        guard FCGX_InitRequest(request, socket.fd, 0) == 0 else {
            StandardError.log("FCGX_InitRequest failed; worker not started")
            return
        }
        while true {
            // Checked inside the gate: a worker that waited here while the server stopped must not accept again.
            let accepted: Int32? = acceptGate.withLock {
                isStopping ? nil : FCGX_Accept_r(request)
            }
            guard let accepted else { return }
            if accepted < 0 {
                if isStopping { return }
                // Such as EMFILE: stay alive, or every worker would quit while run() waits for a signal.
                StandardError.log("accept failed: \(String(cString: strerror(-accepted))); retrying")
                usleep(100_000)
                continue
            }
            let response = handler(FCGXExchange.request(from: request, maxBodyBytes: maxBodyBytes))
            FCGXExchange.write(response, to: request.pointee.out)
            FCGX_Finish_r(request)
        }
    }
}
