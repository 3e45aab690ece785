import Foundation

/// A file sent with a multipart form.
public struct UploadedFile: Sendable, Equatable {
    public let filename: String
    public let contentType: String?
    public let bytes: [UInt8]

    public init(filename: String, contentType: String?, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }
}
