import FastCGI
import Testing

@Suite("FastCGIResponse.head")
struct FastCGIResponseHeadTests {
    @Test func redirectWithHeadersInOrder() {
        // Given a redirect that sets two cookies
        let response = FastCGIResponse(status: 303, headers: [
            (name: "Location", value: "/card"),
            (name: "Set-Cookie", value: "a=1; HttpOnly"),
            (name: "Set-Cookie", value: "b=2"),
        ])
        // Then the head is the CGI status line, the headers as given, and a blank line
        #expect(String(decoding: response.head, as: UTF8.self)
            == "Status: 303 See Other\r\nLocation: /card\r\nSet-Cookie: a=1; HttpOnly\r\nSet-Cookie: b=2\r\n\r\n")
    }

    @Test func noHeaders() {
        #expect(FastCGIResponse(status: 200).head == Array("Status: 200 OK\r\n\r\n".utf8))
    }

    @Test(arguments: [
        (200, "OK"), (303, "See Other"), (400, "Bad Request"), (403, "Forbidden"), (404, "Not Found"),
        (405, "Method Not Allowed"), (413, "Content Too Large"), (429, "Too Many Requests"),
        (500, "Internal Server Error"), (503, "Service Unavailable"),
    ])
    func reasonPhrases(status: Int, phrase: String) {
        #expect(String(decoding: FastCGIResponse(status: status).head, as: UTF8.self) == "Status: \(status) \(phrase)\r\n\r\n")
    }

    @Test func unknownStatusHasNoPhrase() {
        #expect(String(decoding: FastCGIResponse(status: 299).head, as: UTF8.self) == "Status: 299\r\n\r\n")
    }

    @Test func lineBreaksCannotStartAHeaderOrTheBody() {
        // Given a header value carrying an injected header and an early end of the head
        let response = FastCGIResponse(status: 303, headers: [
            (name: "Loca\ntion", value: "/x\r\nSet-Cookie: evil=1\r\n\r\n<html>"),
        ])
        // Then CR and LF are dropped, so the value stays on its own line
        #expect(String(decoding: response.head, as: UTF8.self)
            == "Status: 303 See Other\r\nLocation: /xSet-Cookie: evil=1<html>\r\n\r\n")
    }
}
