import Testing
@testable import PortalWeb

@Suite struct HTTPRequestTests {
    @Test func buildsTheRequestFromNginxParameters() {
        let request = HTTPRequest(cgiParameters: [
            "REQUEST_METHOD": "POST", "REQUEST_URI": "/login?x=1", "DOCUMENT_URI": "/login", "QUERY_STRING": "x=1",
            "CONTENT_TYPE": "application/x-www-form-urlencoded", "HTTP_COOKIE": "a=1; portal_session=tok; a=2",
            "HTTP_USER_AGENT": "test", "REMOTE_ADDR": "192.0.2.1", "HTTPS": "on",
        ], body: [1, 2], bodyTooLarge: false)
        #expect(request.method == "POST")
        #expect(request.path == "/login")
        #expect(request.query == "x=1")
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(request.headers["user-agent"] == "test")
        #expect(request.cookies == ["a": "1", "portal_session": "tok"])
        #expect(request.remoteAddress == "192.0.2.1")
        #expect(request.isHTTPS)
        #expect(request.body == [1, 2])
    }

    @Test func plainHTTPAndMissingPathFallBackSafely() {
        let request = HTTPRequest(cgiParameters: ["REQUEST_URI": "/card?y", "HTTPS": ""], body: [], bodyTooLarge: true)
        #expect(request.method == "GET")
        #expect(request.path == "/card")
        #expect(!request.isHTTPS)
        #expect(request.bodyTooLarge)
        #expect(request.cookies.isEmpty)
    }
}
