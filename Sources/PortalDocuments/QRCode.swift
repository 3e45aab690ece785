import CQRencode

/// A QR code made by libqrencode (not by hand), drawn as SVG squares: the only code that touches libqrencode.
public struct QRCode: Sendable, Equatable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major: true for a dark module.
    public let modules: [Bool]

    public enum Failure: Error, Equatable { case tooLong, failed }

    /// Encodes `text` (bytes as they are, error correction M: a phone camera reads it off a screen).
    public init(_ text: String) throws(Failure) {
        guard text.utf8.count <= 1000 else { throw .tooLong }
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { throw .failed }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        // Bit 0 of each byte is the module's colour (libqrencode's documented layout).
        modules = (0..<(width * width)).map { code.pointee.data[$0] & 1 == 1 }
    }

    public func isDark(row: Int, column: Int) -> Bool { modules[row * size + column] }

    /// An SVG of the code with a four-module quiet zone, one path of unit squares, scalable without blur.
    public func svg(pixelsPerModule: Int = 6) -> String {
        let side = size + 8
        var path = ""
        for row in 0..<size {
            for column in 0..<size where isDark(row: row, column: column) {
                path += "M\(column + 4) \(row + 4)h1v1h-1z"
            }
        }
        let pixels = side * pixelsPerModule
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(pixels)" height="\(pixels)" viewBox="0 0 \(side) \(side)" \
            shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path d="\(path)" fill="#000"/></svg>
            """
    }
}
