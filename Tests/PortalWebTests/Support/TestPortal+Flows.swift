import PortalTestSupport
@testable import PortalWeb

extension TestPortal {
    /// Registers the fixture person with `permit` and returns the response to "Sign up and Login".
    @discardableResult
    func register(_ permit: String, name: String) -> WebResponse {
        submit("/register", ["full_name": name, "permit_number": permit,
                             "password": Fixtures.password, "password_confirm": Fixtures.password])
    }

    /// Posts a photo to the facial recognition page as the browser's multipart form would.
    @discardableResult
    func sendFace(_ bytes: [UInt8], filename: String = "face.png") -> WebResponse {
        let token = Self.csrfToken(in: get("/register/face")) ?? ""
        let boundary = "testBoundary42"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(token)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"face_image\"; filename=\"\(filename)\"\r\nContent-Type: image/png\r\n\r\n".utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return send("POST", "/register/face", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// Presses `Log out` on a signed-in page.
    @discardableResult
    func logOut() -> WebResponse {
        post("/logout", ["csrf_token": Self.csrfToken(in: get("/")) ?? ""])
    }
}
