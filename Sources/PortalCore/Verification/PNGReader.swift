/// Walks a PNG's chunks: IHDR first, CRCs right, at least one IDAT, IEND last.
enum PNGReader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func inspect(_ bytes: [UInt8]) -> ImageInspector.ImageInfo? {
        var offset = signature.count
        var size: (width: Int, height: Int)?
        var sawImageData = false
        while let length = bytes.uint32(at: offset) {
            let typeStart = offset + 4, dataStart = offset + 8
            let end = dataStart + length + 4
            guard length <= 0x7FFF_FFFF, end <= bytes.count else { return nil }
            let type = String(decoding: bytes[typeStart..<dataStart], as: UTF8.self)
            let storedCRC = bytes.uint32(at: dataStart + length)
            guard storedCRC == Int(CRC32.checksum(bytes[typeStart..<(dataStart + length)])) else { return nil }
            if size == nil {
                guard type == "IHDR", length == 13, let width = bytes.uint32(at: dataStart),
                      let height = bytes.uint32(at: dataStart + 4), width > 0, height > 0 else { return nil }
                size = (width, height)
            }
            if type == "IDAT" { sawImageData = true }
            if type == "IEND" {
                guard sawImageData, let size else { return nil }
                return ImageInspector.ImageInfo(format: .png, width: size.width, height: size.height)
            }
            offset = end
        }
        return nil
    }
}

/// The CRC-32 PNG chunks carry (ISO 3309 polynomial, as zlib computes it).
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        ~bytes.reduce(~UInt32(0)) { crc, byte in table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
    }
}
