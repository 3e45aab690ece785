import Foundation
import HTTPTypes

/// Picks the decoder for a POST body by its content type.
public enum FormDecoder {
    public static func decode(_ request: WebRequest) throws(FormDecodingError) -> FormData {
        let contentType = request.headers[.contentType] ?? ""
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch mediaType {
        case "application/x-www-form-urlencoded", "": return try URLEncodedForm.decode(request.body)
        case "multipart/form-data": return try MultipartForm.decode(request.body, contentType: contentType)
        default: throw .unsupportedContentType
        }
    }
}
