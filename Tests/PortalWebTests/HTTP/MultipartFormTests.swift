import Testing
@testable import PortalWeb

@Suite struct MultipartFormTests {
    static let boundary = "----portalBoundary7MA4YWxk"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func body(_ parts: [String]) -> [UInt8] {
        Array((parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n").utf8)
    }

    @Test func decodesTextFieldsAndFiles() throws {
        let body = Self.body([
            "Content-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc",
            "Content-Disposition: form-data; name=\"face_image\"; filename=\"me; 1.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA",
        ])
        let form = try MultipartForm.decode(body, contentType: Self.contentType)
        #expect(form.values == ["csrf_token": "abc"])
        #expect(form.files["face_image"] == UploadedFile(filename: "me; 1.png", contentType: "image/png",
                                                         bytes: Array("PNGDATA".utf8)))
    }

    @Test func anEmptyFilePartMeansNoFileChosen() throws {
        let body = Self.body(["Content-Disposition: form-data; name=\"face_image\"; filename=\"\"\r\n\r\n"])
        #expect(try MultipartForm.decode(body, contentType: Self.contentType).files.isEmpty)
    }

    @Test func refusesATruncatedBody() {
        let body = Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunfinished".utf8)
        #expect(throws: FormDecodingError.malformedMultipart) {
            try MultipartForm.decode(body, contentType: Self.contentType)
        }
    }

    @Test func refusesAMissingBoundaryAndRepeatedFields() {
        #expect(throws: FormDecodingError.malformedMultipart) {
            try MultipartForm.decode([], contentType: "multipart/form-data")
        }
        let repeated = Self.body(["Content-Disposition: form-data; name=\"a\"\r\n\r\n1",
                                  "Content-Disposition: form-data; name=\"a\"\r\n\r\n2"])
        #expect(throws: FormDecodingError.repeatedField("a")) {
            try MultipartForm.decode(repeated, contentType: Self.contentType)
        }
    }

    @Test func readsQuotedAndBareParameters() {
        #expect(MultipartForm.boundary(of: "multipart/form-data; boundary=\"q b\"") == "q b")
        #expect(MultipartForm.parameter("name", in: "form-data; name=plain") == "plain")
        #expect(MultipartForm.parameter("filename", in: "form-data; name=\"a\"; filename=\"x\\\"y.png\"") == "x\"y.png")
        #expect(MultipartForm.parameter("filename", in: "form-data; name=\"a\"") == nil)
    }
}

@Suite struct MultipartFieldLimitTests {
    @Test func fileFieldsCountTowardsTheFieldLimit() {
        // Given a body of more file parts than a form may have fields
        let boundary = "XyZ"
        var body = ""
        for index in 0...FormData.maximumFields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"f\(index)\"; filename=\"a.png\"\r\n\r\nx\r\n"
        }
        body += "--\(boundary)--\r\n"
        // Then it is refused like too many text fields
        #expect(throws: FormDecodingError.tooManyFields) {
            try MultipartForm.decode(Array(body.utf8), contentType: "multipart/form-data; boundary=\(boundary)")
        }
    }
}

@Suite struct ManyPartsTests {
    /// The attacker review's body: tens of thousands of tiny parts (here 74,000), about 5 MB.
    static func manyParts(_ count: Int, boundary: String = "B") -> [UInt8] {
        var body: [UInt8] = []
        let part = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"x\"; filename=\"a\"\r\n\r\nx\r\n".utf8)
        body.reserveCapacity(part.count * count + 8)
        for _ in 0..<count { body += part }
        return body + Array("--\(boundary)--\r\n".utf8)
    }

    @Test func aBodyOfTensOfThousandsOfPartsIsRefusedByCountingNotByParsing() {
        let body = Self.manyParts(74_000)
        #expect(MultipartForm.delimiterCount(in: body, boundary: "B") == 74_001)
        #expect(throws: FormDecodingError.tooManyFields) {
            try MultipartForm.decode(body, contentType: "multipart/form-data; boundary=B")
        }
    }

    @Test func theBoundaryCountsOnlyAtTheStartOfALine() {
        let body = Array("--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue with --B inside\r\n--B--\r\n".utf8)
        #expect(MultipartForm.delimiterCount(in: body, boundary: "B") == 2)
    }
}

@Suite struct RefusedBeforeParsingTests {
    @Test func anAnonymousUploadToTheFacePageIsSentAwayBeforeItsBodyIsRead() throws {
        // Found by the attacker review: the body was parsed before the session and CSRF were checked. An anonymous
        // POST of a 74,000-part body is now answered by the access check (a redirect to login), not by the form
        // decoder (which would say 400) nor by CSRF (403), so the parser never ran.
        let portal = try TestPortal()
        let response = portal.send("POST", "/register/face", body: ManyPartsTests.manyParts(74_000),
                                   contentType: "multipart/form-data; boundary=B")
        #expect(response.status == 303)
        #expect(response.header("Location") == "/login/permit")
    }
}
