import Foundation

/// Decodes `multipart/form-data` (RFC 7578), applying the same rules to text parts as the URL-encoded decoder.
/// A part with a filename is a file; an empty one means "no file chosen".
///
/// The parser is our own, on bytes: parts are counted as they are found and reading stops at the form's field
/// limit, so a body of tens of thousands of tiny parts costs no more than a form's worth. (vapor/multipart-kit,
/// used before, trapped on a header-name byte above 127, which the fuzzer found: one request took the app down.)
public enum MultipartForm {
    public static func decode(_ body: [UInt8], contentType: String) throws(FormDecodingError) -> FormData {
        guard let boundary = boundary(of: contentType) else { throw .malformedMultipart }
        var form = FormData()
        for part in try parts(of: body, boundary: boundary) {
            guard let disposition = part.header("content-disposition"),
                  let name = parameter("name", in: disposition) else { throw .malformedMultipart }
            let bytes = Array(part.body)
            if let filename = parameter("filename", in: disposition) {
                guard !(filename.isEmpty && bytes.isEmpty) else { continue }
                try form.add(file: UploadedFile(filename: filename, contentType: part.header("content-type"),
                                                bytes: bytes), name: name)
            } else {
                guard let value = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
                try form.add(name: name, value: value)
            }
        }
        return form
    }

    /// One part: its header fields (names lower-cased) and its body, still a slice of the request's.
    struct Part {
        var headers: [(name: String, value: String)] = []
        var body: ArraySlice<UInt8> = []

        func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }
    }

    /// The parts between the first delimiter and the closing one; text before and after them is ignored, as RFC
    /// 2046 says. A body without the closing delimiter is malformed. Refused with `tooManyFields` as soon as there
    /// are more parts than a form may have fields, before the rest of the body is looked at.
    static func parts(of body: [UInt8], boundary: String) throws(FormDecodingError) -> [Part] {
        let delimiter = Array("--\(boundary)".utf8)
        let nextDelimiter = [UInt8(ascii: "\r"), UInt8(ascii: "\n")] + delimiter
        var index: Int
        if body.starts(with: delimiter) {
            index = delimiter.count
        } else if let found = firstIndex(of: nextDelimiter, in: body, from: 0) {
            index = found + nextDelimiter.count
        } else {
            throw .malformedMultipart
        }
        var parts: [Part] = []
        while true {
            if body[index...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { return parts }  // the closing one
            guard parts.count < FormData.maximumFields else { throw .tooManyFields }
            while index < body.count, body[index] == UInt8(ascii: " ") || body[index] == UInt8(ascii: "\t") { index += 1 }
            guard let afterLine = lineEnd(in: body, at: index) else { throw .malformedMultipart }
            var part = Part()
            index = try readHeaders(of: &part, in: body, from: afterLine)
            guard let end = firstIndex(of: nextDelimiter, in: body, from: index) else { throw .malformedMultipart }
            part.body = body[index..<end]
            parts.append(part)
            index = end + nextDelimiter.count
        }
    }

    /// Reads header lines up to the empty line that ends them; returns where the part's body starts.
    private static func readHeaders(of part: inout Part, in body: [UInt8], from start: Int) throws(FormDecodingError) -> Int {
        var index = start
        while let end = firstIndex(of: [UInt8(ascii: "\r"), UInt8(ascii: "\n")], in: body, from: index) {
            if end == index { return end + 2 }
            guard part.headers.count < maximumHeadersPerPart,
                  let colon = body[index..<end].firstIndex(of: UInt8(ascii: ":")), colon > index,
                  body[index..<colon].allSatisfy(isTokenByte),
                  let value = String(validating: body[(colon + 1)..<end], as: UTF8.self) else { throw .malformedMultipart }
            let name = String(decoding: body[index..<colon], as: UTF8.self).lowercased()
            part.headers.append((name, value.trimmingCharacters(in: .whitespaces)))
            index = end + 2
        }
        throw .malformedMultipart
    }

    /// A part needs two (Content-Disposition, Content-Type); browsers send no more.
    private static let maximumHeadersPerPart = 8

    /// Just past the CRLF that must follow a delimiter at `index`, or nil.
    private static func lineEnd(in body: [UInt8], at index: Int) -> Int? {
        body[index...].starts(with: [UInt8(ascii: "\r"), UInt8(ascii: "\n")]) ? index + 2 : nil
    }

    /// Where `pattern` next occurs at or after `start`. Its first byte is searched for alone: delimiters start with
    /// CR, which a boundary cannot contain, so the search stays linear in the body.
    private static func firstIndex(of pattern: [UInt8], in body: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, body.count >= pattern.count else { return nil }
        var index = start
        let last = body.count - pattern.count
        while index <= last {
            guard let candidate = body[index...last].firstIndex(of: first) else { return nil }
            if body[candidate..<(candidate + pattern.count)].elementsEqual(pattern) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// A byte a header name may hold (RFC 9110's tchar).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            tokenSymbols.contains(byte)
        }
    }

    private static let tokenSymbols = Array("!#$%&'*+-.^_`|~".utf8)

    /// The `boundary` parameter of a multipart content type, quotes removed.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            let value = pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (1...70).contains(value.count) ? value : nil
        }
        return nil
    }

    /// A parameter of a header such as `form-data; name="face_image"; filename="me; 1.png"`.
    static func parameter(_ wanted: String, in header: String) -> String? {
        var scanner = Substring(header)
        while let semicolon = scanner.firstIndex(of: ";") {
            scanner = scanner[scanner.index(after: semicolon)...].drop(while: { $0 == " " })
            guard let equals = scanner.firstIndex(of: "=") else { return nil }
            let name = scanner[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var rest = scanner[scanner.index(after: equals)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(character); escaped = false }
                    else if character == "\\" { escaped = true }
                    else if character == "\"" { break }
                    else { value.append(character) }
                }
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            if name == wanted { return value }
            scanner = rest
        }
        return nil
    }
}
