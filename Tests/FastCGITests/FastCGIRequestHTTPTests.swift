import FastCGI
import HTTPTypes
import Testing

@Suite("FastCGIRequest as HTTP")
struct FastCGIRequestHTTPTests {
    @Test func readsTheRequestFromNginxParameters() {
        // Given the parameters nginx passes for a POST over TLS
        let request = FastCGIRequest(params: [
            "REQUEST_METHOD": "POST", "REQUEST_URI": "/login?x=1", "DOCUMENT_URI": "/login", "QUERY_STRING": "x=1",
            "CONTENT_TYPE": "application/x-www-form-urlencoded", "HTTP_COOKIE": "a=1; portal_session=tok",
            "HTTP_USER_AGENT": "test", "HTTP_ACCEPT_LANGUAGE": "zh-CN", "REMOTE_ADDR": "192.0.2.1", "HTTPS": "on",
        ])
        // Then method, path, query and headers are HTTP values, header names case-insensitive
        #expect(request.method == .post)
        #expect(request.path == "/login")
        #expect(request.query == "x=1")
        #expect(request.headerFields[.contentType] == "application/x-www-form-urlencoded")
        #expect(request.headerFields[HTTPField.Name("User-Agent")!] == "test")
        #expect(request.headerFields[.acceptLanguage] == "zh-CN")
        #expect(request.headerFields[.cookie] == "a=1; portal_session=tok")
        #expect(request.remoteAddress == "192.0.2.1")
        #expect(request.isHTTPS)
    }

    @Test func missingOrOddParametersFallBackSafely() {
        let request = FastCGIRequest(params: ["REQUEST_URI": "/card?y", "HTTPS": "", "REQUEST_METHOD": "G ET",
                                              "HTTP_BAD NAME": "x"])
        #expect(request.method == nil)
        #expect(request.path == "/card")
        #expect(!request.isHTTPS)
        #expect(request.headerFields.isEmpty)
        #expect(FastCGIRequest(params: [:]).path == "/")
    }

    @Test func theQueryIsCutOffAtAQuestionMarkFollowedByACombiningMark() {
        // "?\u{301}" is a single Character, so a Character-wise split kept the query in the path.
        #expect(FastCGIRequest(params: ["REQUEST_URI": "/card?\u{301}x=1"]).path == "/card")
    }
}
