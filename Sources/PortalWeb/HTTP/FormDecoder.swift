import Foundation
import HTTPTypes

/// Picks the decoder for a POST body by its content type.
public enum FormDecoder {
    public static func decode(_ body: [UInt8], contentType: String?) throws(FormDecodingError) -> FormData {
        let contentType = contentType ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/x-www-form-urlencoded", "": return try URLEncodedForm.decode(body)
        case "multipart/form-data": return try MultipartForm.decode(body, contentType: contentType)
        default: throw .unsupportedContentType
        }
    }
}
