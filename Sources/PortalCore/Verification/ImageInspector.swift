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

/// Big-endian integer reads that return nil past the end instead of trapping.
extension Array where Element == UInt8 {
    func uint16(at offset: Int) -> Int? {
        guard offset >= 0, offset + 2 <= count else { return nil }
        return Int(self[offset]) << 8 | Int(self[offset + 1])
    }

    func uint32(at offset: Int) -> Int? {
        guard let high = uint16(at: offset), let low = uint16(at: offset + 2) else { return nil }
        return high << 16 | low
    }
}
