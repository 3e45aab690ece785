/// Reads enough of a JPEG or PNG file to know it really is one (its structure, not its name)
/// and how large the picture is.
public enum ImageInspector {
    public enum Format: String, Sendable { case jpeg, png }

    public struct ImageInfo: Sendable, Equatable {
        public let format: Format
        public let width: Int
        public let height: Int
    }

    /// The image's format and size, or nil when the bytes are not a complete JPEG or PNG.
    public static func inspect(_ bytes: [UInt8]) -> ImageInfo? {
        if bytes.starts(with: PNGReader.signature) { return PNGReader.inspect(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return JPEGReader.inspect(bytes) }
        return nil
    }
}
