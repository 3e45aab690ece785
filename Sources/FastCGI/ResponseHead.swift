import HTTPTypes

extension FastCGIResponse {
    /// The CGI response head: `Status: 303 See Other\r\nName: value\r\n...\r\n\r\n`.
    ///
    /// CR and LF are removed from values (swift-http-types already refuses them in names): a value that carried
    /// user input (a redirect target, a file name) must never be able to start a header or the body of its own.
    package var encodedHead: [UInt8] {
        var text = "Status: \(head.status.code)"
        let phrase = head.status.reasonPhrase
        text += phrase.isEmpty ? "" : " \(Self.singleLine(phrase))"
        text += "\r\n"
        for field in head.headerFields {
            text += "\(field.name.rawName): \(Self.singleLine(field.value))\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    private static func singleLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A }) else { return text }
        return String(text.unicodeScalars.filter { $0 != "\r" && $0 != "\n" })
    }
}
