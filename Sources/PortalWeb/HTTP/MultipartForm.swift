import Foundation
import MultipartKit
import NIOCore

/// Decodes `multipart/form-data` with vapor/multipart-kit's parser, applying the same rules to text parts
/// as the URL-encoded decoder. A part with a filename is a file; an empty one means "no file chosen".
public enum MultipartForm {
    public static func decode(_ body: [UInt8], contentType: String) throws(FormDecodingError) -> FormData {
        guard let boundary = boundary(of: contentType) else { throw .malformedMultipart }
        // Counted before the parser runs: a body of tens of thousands of tiny parts is refused for the price of one
        // scan, instead of being collected part by part first.
        guard delimiterCount(in: body, boundary: boundary) <= FormData.maximumFields + 1 else { throw .tooManyFields }
        let parts: [MultipartPart]
        do { parts = try parse(body, boundary: boundary) } catch { throw .malformedMultipart }
        var form = FormData()
        for part in parts {
            guard let name = part.name else { throw .malformedMultipart }
            let bytes = Array(part.body.readableBytesView)
            let disposition = part.headers.first(name: "Content-Disposition") ?? ""
            if let filename = parameter("filename", in: disposition) {
                guard !(filename.isEmpty && bytes.isEmpty) else { continue }
                try form.add(file: UploadedFile(filename: filename, contentType: part.headers.first(name: "Content-Type"),
                                                bytes: bytes), name: name)
            } else {
                guard let value = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
                try form.add(name: name, value: value)
            }
        }
        return form
    }

    /// How many times `--boundary` opens a line of the body (each part starts with one, the end adds one).
    static func delimiterCount(in body: [UInt8], boundary: String) -> Int {
        let delimiter = Array("--\(boundary)".utf8)
        guard body.count >= delimiter.count, let first = delimiter.first else { return 0 }
        var count = 0, index = 0
        let last = body.count - delimiter.count
        while index <= last {
            if body[index] == first, (index == 0 || body[index - 1] == UInt8(ascii: "\n")),
               body[index..<(index + delimiter.count)].elementsEqual(delimiter) {
                count += 1
                index += delimiter.count
            } else {
                index += 1
            }
        }
        return count
    }

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

    /// Collects the parts; a body that ends inside a part (no closing boundary) is malformed.
    private static func parse(_ body: [UInt8], boundary: String) throws -> [MultipartPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders()
        var partBody = ByteBuffer()
        var insidePart = false
        parser.onHeader = { name, value in insidePart = true; headers.add(name: name, value: value) }
        parser.onBody = { chunk in insidePart = true; partBody.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: partBody))
            headers = HTTPHeaders()
            partBody = ByteBuffer()
            insidePart = false
        }
        try parser.execute(body)
        guard !insidePart else { throw FormDecodingError.malformedMultipart }
        return parts
    }
}
