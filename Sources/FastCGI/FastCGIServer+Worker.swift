import CFastCGI
import Glibc

extension FastCGIServer {
    /// One worker: a heap-allocated FCGX_Request of its own; takes a connection with a request waiting, lets
    /// libfcgi read the request from it, handles, finishes, and parks the connection when nginx keeps it.
    func serveUntilStopped(handler: @Sendable (FastCGIRequest) -> FastCGIResponse) {
        StopSignals.blockBrokenPipeInCallingThread()
        let request = UnsafeMutablePointer<FCGX_Request>.allocate(capacity: 1)
        defer {
            FCGX_Free(request, 1)
            request.deallocate()
        }
        // No listening socket for libfcgi (-1): connections come from `connections`, so when one ends before a
        // request, FCGX_Accept_r's own accept fails at once instead of blocking on the listening socket.
        guard FCGX_InitRequest(request, -1, 0) == 0 else {
            StandardError.log("FCGX_InitRequest failed; worker not started")
            return
        }
        let place = WorkerPlace(places)
        place.holding { serve(request, in: place, handler: handler) }
    }

    /// Unread bodies up to this size are drained with the place kept (most are none: a GET).
    static let drainingWithPlace = 64 << 10

    private func serve(_ request: UnsafeMutablePointer<FCGX_Request>, in place: WorkerPlace,
                       handler: @Sendable (FastCGIRequest) -> FastCGIResponse) {
        place.takeIfNeeded(first: true)
        while let connection = connections.next() {
            request.pointee.ipcFd = connection
            // FCGX_Accept_r first finishes "the previous request": it must not close this descriptor as part of it.
            request.pointee.keepConnection = 1
            guard FCGX_Accept_r(request) == 0 else { continue }  // ended before a request; libfcgi closed it
            let exchange = FCGXExchange.request(from: request, maxBodyBytes: maxBodyBytes)
            let response = handler(exchange)
            if exchange.body.unreadLength > Self.drainingWithPlace {
                // As long as nginx takes to send it: a 4 MB upload refused before its body was read (signed out)
                // would hold a place that requests need while it drains (`GET /` fell to 0.07 × its quiet rate
                // during the upload attack in bench/run.sh).
                place.lend { exchange.body.discardUnread() }
            } else {
                exchange.body.discardUnread()
            }
            FCGXExchange.write(response, to: request.pointee.out)
            FCGX_Finish_r(request)
            if request.pointee.ipcFd >= 0 {  // nginx keeps the connection (fastcgi_keep_conn)
                let kept = request.pointee.ipcFd
                request.pointee.ipcFd = -1
                connections.park(kept)
            }
            place.takeIfNeeded()
        }
    }
}
