import FastCGI
import HTTPTypes
import Testing

@Suite("FastCGIResponse.encodedHead")
struct FastCGIResponseHeadTests {
    @Test func redirectWithHeadersInOrder() {
        // Given a redirect that sets two cookies
        var fields = HTTPFields()
        fields.append(HTTPField(name: .location, value: "/card"))
        fields.append(HTTPField(name: .setCookie, value: "a=1; HttpOnly"))
        fields.append(HTTPField(name: .setCookie, value: "b=2"))
        let response = FastCGIResponse(head: HTTPResponse(status: .seeOther, headerFields: fields))
        // Then the head is the CGI status line, the headers as given, and a blank line
        #expect(String(decoding: response.encodedHead, as: UTF8.self)
            == "Status: 303 See Other\r\nLocation: /card\r\nSet-Cookie: a=1; HttpOnly\r\nSet-Cookie: b=2\r\n\r\n")
    }

    @Test func noHeaders() {
        #expect(FastCGIResponse(head: HTTPResponse(status: .ok)).encodedHead == Array("Status: 200 OK\r\n\r\n".utf8))
    }

    @Test(arguments: [
        (HTTPResponse.Status.ok, "200 OK"), (.seeOther, "303 See Other"), (.badRequest, "400 Bad Request"),
        (.forbidden, "403 Forbidden"), (.notFound, "404 Not Found"), (.methodNotAllowed, "405 Method Not Allowed"),
        (.contentTooLarge, "413 Content Too Large"), (.tooManyRequests, "429 Too Many Requests"),
        (.internalServerError, "500 Internal Server Error"), (.serviceUnavailable, "503 Service Unavailable"),
    ])
    func reasonPhrases(status: HTTPResponse.Status, line: String) {
        #expect(String(decoding: FastCGIResponse(head: HTTPResponse(status: status)).encodedHead, as: UTF8.self)
            == "Status: \(line)\r\n\r\n")
    }

    @Test func statusWithoutPhrase() {
        let response = FastCGIResponse(head: HTTPResponse(status: 299))
        #expect(String(decoding: response.encodedHead, as: UTF8.self) == "Status: 299\r\n\r\n")
    }

    @Test func lineBreaksCannotStartAHeaderOrTheBody() {
        // Given a header value carrying an injected header and an early end of the head
        var fields = HTTPFields()
        fields.append(HTTPField(name: .location, value: "/x\r\nSet-Cookie: evil=1\r\n\r\n<html>"))
        let response = FastCGIResponse(head: HTTPResponse(status: .seeOther, headerFields: fields))
        // Then no line break reaches the head, so the value stays on its own line
        let head = String(decoding: response.encodedHead, as: UTF8.self)
        #expect(head.hasPrefix("Status: 303 See Other\r\nLocation: /x"))
        #expect(head.components(separatedBy: "\r\n").count == 4, "\(head)")
        #expect(!head.contains("\r\nSet-Cookie"))
    }
}
