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
