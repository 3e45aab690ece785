/// Walks a JPEG's marker segments: a frame header (SOF) before the scan, and the end-of-image marker last.
enum JPEGReader {
    private static let startOfScan: UInt8 = 0xDA
    private static let endOfImage: UInt8 = 0xD9

    static func inspect(_ bytes: [UInt8]) -> ImageInspector.ImageInfo? {
        guard bytes.count >= 4, bytes[bytes.count - 2] == 0xFF, bytes[bytes.count - 1] == endOfImage else { return nil }
        var offset = 2
        var size: (width: Int, height: Int)?
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { return nil }
            let marker = bytes[offset + 1]
            if marker == 0xFF { offset += 1; continue }  // fill byte
            guard let length = bytes.uint16(at: offset + 2), length >= 2, offset + 2 + length <= bytes.count else {
                return nil
            }
            if isFrameHeader(marker) {
                guard let height = bytes.uint16(at: offset + 5), let width = bytes.uint16(at: offset + 7),
                      width > 0, height > 0 else { return nil }
                size = (width, height)
            }
            if marker == startOfScan {
                // Entropy-coded data runs to the end-of-image marker checked above.
                guard let size else { return nil }
                return ImageInspector.ImageInfo(format: .jpeg, width: size.width, height: size.height)
            }
            offset += 2 + length
        }
        return nil
    }

    /// SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    private static func isFrameHeader(_ marker: UInt8) -> Bool {
        (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
    }
}
