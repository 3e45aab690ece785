import FastCGI
import HTTPTypes
import Testing

/// Echoes what the handler saw, so a test can check it from the client's side without shared state.
@Sendable func echo(_ request: FastCGIRequest) -> FastCGIResponse {
    let body = request.body.bytes()
    let seen = [
        "method=\(request.params["REQUEST_METHOD"] ?? "-")",
        "uri=\(request.params["REQUEST_URI"] ?? "-")",
        "cookie=\(request.params["HTTP_COOKIE"] ?? "-")",
        "type=\(request.params["CONTENT_TYPE"] ?? "-")",
        "exceeded=\(body == nil)",
        "count=\(body?.count ?? 0)",
        "body=\(String(decoding: body ?? [], as: UTF8.self))",
    ]
    return FastCGIResponse(head: HTTPResponse(status: .seeOther, headerFields: [.location: "/card"]),
                           body: Array(seen.joined(separator: "\n").utf8))
}

@Suite("FastCGIServer round trip")
struct FastCGIServerRoundTripTests {
    @Test func postReachesHandlerAndAnswerReachesClient() throws {
        // Given a running server
        let running = try RunningServer(handler: echo)
        defer { #expect(running.stop()) }

        // When a client posts a form
        let client = try FastCGITestClient(socketPath: running.socketPath)
        defer { client.close() }
        let form = Array("permit_number=WP2026000001&password=x".utf8)
        try client.send(params: [
            ("REQUEST_METHOD", "POST"), ("REQUEST_URI", "/login/permit?next=%2Fcard"),
            ("HTTP_COOKIE", "portal_session=abc"), ("CONTENT_TYPE", "application/x-www-form-urlencoded"),
            ("CONTENT_LENGTH", "\(form.count)"), ("HTTP_X_LONG", String(repeating: "v", count: 300)),
        ], body: form)
        let response = try client.receive()

        // Then the handler saw params and body, and the client got the status line, header and body
        #expect(response.statusLine == "Status: 303 See Other")
        #expect(response.header("Location") == ["/card"])
        #expect(response.bodyText == """
            method=POST
            uri=/login/permit?next=%2Fcard
            cookie=portal_session=abc
            type=application/x-www-form-urlencoded
            exceeded=false
            count=37
            body=permit_number=WP2026000001&password=x
            """)
    }

    @Test func bodyWithoutContentLengthIsReadToTheEnd() throws {
        let running = try RunningServer(maxBodyBytes: 16, handler: echo)
        defer { #expect(running.stop()) }
        let client = try FastCGITestClient(socketPath: running.socketPath)
        defer { client.close() }

        try client.send(params: [("REQUEST_METHOD", "POST")], body: Array("exactly16bytes!!".utf8))

        #expect(try client.receive().bodyText.hasSuffix("exceeded=false\ncount=16\nbody=exactly16bytes!!"))
    }

    @Test(arguments: [true, false])
    func bodyOverTheLimitIsFlaggedAndDropped(declaresLength: Bool) throws {
        // Given a server that takes at most 16 bytes of body
        let running = try RunningServer(maxBodyBytes: 16, handler: echo)
        defer { #expect(running.stop()) }
        let client = try FastCGITestClient(socketPath: running.socketPath)
        defer { client.close() }

        // When a client sends 200 000 bytes, more than one socket buffer, so the rest must be drained
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        let length = declaresLength ? [("CONTENT_LENGTH", "\(body.count)")] : []
        try client.send(params: [("REQUEST_METHOD", "POST")] + length, body: body)

        // Then the handler is told, gets no body, and its answer still arrives
        let response = try client.receive()
        #expect(response.statusLine == "Status: 303 See Other")
        #expect(response.bodyText.hasSuffix("exceeded=true\ncount=0\nbody="))
    }

    @Test func aBodyTheHandlerNeverReadsIsDrainedSoTheKeptConnectionGoesOn() throws {
        // Given one worker whose handler answers without reading the body (as the portal does for a request its
        // access rules out)
        let running = try RunningServer(workerCount: 1) { request in
            FastCGIResponse(head: HTTPResponse(status: .ok), body: Array("uri=\(request.params["REQUEST_URI"] ?? "-")".utf8))
        }
        defer { #expect(running.stop()) }
        let client = try FastCGITestClient(socketPath: running.socketPath)
        defer { client.close() }

        // When a kept connection carries a 200 000-byte body nobody reads, then a second request
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        try client.send(params: [("REQUEST_METHOD", "POST"), ("REQUEST_URI", "/unread"),
                                 ("CONTENT_LENGTH", "\(body.count)")], body: body, keepConnection: true)
        #expect(try client.receive().bodyText == "uri=/unread")
        try client.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/next")], keepConnection: true)

        // Then the second is read as a request of its own, not as the first one's leftover bytes
        #expect(try client.receive().bodyText == "uri=/next")
    }

    @Test func clientHangingUpMidResponseDoesNotStopTheServer() throws {
        // Given a server whose answer is far larger than a socket buffer
        let big = [UInt8](repeating: UInt8(ascii: "y"), count: 8 << 20)
        let running = try RunningServer(workerCount: 1) { request in
            request.params["REQUEST_URI"] == "/big" ? FastCGIResponse(head: HTTPResponse(status: .ok), body: big) : echo(request)
        }
        defer { #expect(running.stop()) }

        // When a client hangs up while the server is still writing
        let leaving = try FastCGITestClient(socketPath: running.socketPath)
        try leaving.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/big")])
        try leaving.receiveSomeAndHangUp()

        // Then the same (only) worker answers the next client
        let next = try FastCGITestClient(socketPath: running.socketPath)
        defer { next.close() }
        try next.send(params: [("REQUEST_METHOD", "GET"), ("REQUEST_URI", "/after")])
        #expect(try next.receive().bodyText.contains("uri=/after"))
    }
}
