import Mustache

/// HTML escaping, one implementation for the sentences baked into templates at start-up and for every `{{x}}` a
/// page fills in: `& < > " '`, and `}` so that a baked sentence can never close a Mustache tag. It scans UTF-8
/// bytes, and a text with none of them (nearly every value) comes back as it is. swift-mustache's own HTML type
/// looks every Character up in a dictionary: a tenth of a signed-in page view in perf under bench/run.sh.
enum HTMLEscaping {
    static func escaped(_ text: String) -> String {
        var text = text
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { replacement(for: $0) != nil }) else { return nil }
            var output = [UInt8]()
            output.reserveCapacity(bytes.count + 32)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                if let replacement = replacement(for: byte) {
                    replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                } else {
                    output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        return escaped ?? text
    }

    // Every one is ASCII, so no byte of a multi-byte character can match.
    private static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        case UInt8(ascii: "}"): "&#125;"
        default: nil
        }
    }

    /// The first line of every template as PageRenderer loads it (a standalone tag, so it leaves no line behind):
    /// `{{x}}` then escapes with `escaped`. Partials and layouts start over with swift-mustache's own type, which is
    /// why each template gets it, not only the page's.
    static let pragma = "{{% CONTENT_TYPE: \(contentTypeName)}}\n"

    /// Registers the content type the pragma names; before any template is parsed, which looks it up.
    static func register() {
        MustacheContentTypes.register(ContentType(), named: contentTypeName)
    }

    private static let contentTypeName = "PORTAL_HTML"

    private struct ContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaping.escaped(text) }
    }
}
