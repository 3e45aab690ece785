import CPangoCairo

/// The Notification Letter of Work Permit for Foreigners as a PDF (pango-cairo: the only code that touches them):
/// the Chinese and English headings, the permit's data, and a QR code of the portal's address, as the paper letter
/// carries one ("scan the QR code on the Notification Letter" to reach the service). Its text is real text that
/// pdftotext extracts, in a font that has the Chinese characters.
public struct NotificationLetter: Sendable {
    /// One line of the letter: a label (both languages) and the value.
    public struct Line: Sendable {
        public let label: String
        public let value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public let chineseHeading: String
    public let englishHeading: String
    public let lines: [Line]
    public let serviceURL: String
    public let qrCaption: String

    public init(chineseHeading: String, englishHeading: String, lines: [Line], serviceURL: String, qrCaption: String) {
        self.chineseHeading = chineseHeading
        self.englishHeading = englishHeading
        self.lines = lines
        self.serviceURL = serviceURL
        self.qrCaption = qrCaption
    }

    public enum Failure: Error { case cairo(String) }

    /// The PDF's bytes: one A4 page.
    public func pdf() throws -> [UInt8] {
        let sink = ByteSink()
        let width = 595.0, height = 842.0  // A4 in points
        let surface = cairo_pdf_surface_create_for_stream({ closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                .bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        guard let surface else { throw Failure.cairo("no PDF surface") }
        let context = cairo_create(surface)
        defer { cairo_destroy(context) }
        var y = 60.0
        y = text(chineseHeading, at: y, size: 18, bold: true, in: context)
        y = text(englishHeading, at: y + 4, size: 13, bold: true, in: context)
        y += 18
        for line in lines {
            _ = text(line.label, at: y, size: 10, bold: false, in: context, x: 60, width: 220)
            y = text(line.value, at: y, size: 11, bold: false, in: context, x: 290, width: 245) + 6
        }
        try drawQR(at: y + 20, in: context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        return sink.bytes
    }

    /// Draws `string` with pango and returns the y below it.
    private func text(_ string: String, at y: Double, size: Int, bold: Bool, in context: OpaquePointer?,
                      x: Double = 60, width: Double = 475) -> Double {
        guard let layout = pango_cairo_create_layout(context) else { return y }
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let font = pango_font_description_from_string("WenQuanYi Micro Hei, Noto Sans CJK SC, sans \(bold ? "Bold " : "")\(size)")
        defer { pango_font_description_free(font) }
        pango_layout_set_font_description(layout, font)
        pango_layout_set_width(layout, Int32(width * Double(PANGO_SCALE)))
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        pango_layout_set_text(layout, string, -1)
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_move_to(context, x, y)
        pango_cairo_show_layout(context, layout)
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return y + Double(logical.height) / Double(PANGO_SCALE)
    }

    private func drawQR(at y: Double, in context: OpaquePointer?) throws {
        let code = try QRCode(serviceURL)
        let module = 4.0, x = 60.0
        cairo_set_source_rgb(context, 0, 0, 0)
        for row in 0..<code.size {
            for column in 0..<code.size where code.isDark(row: row, column: column) {
                cairo_rectangle(context, x + Double(column) * module, y + Double(row) * module, module, module)
            }
        }
        cairo_fill(context)
        let side = Double(code.size) * module
        _ = text(qrCaption, at: y, size: 10, bold: false, in: context, x: x + side + 20, width: 475 - side - 20)
        _ = text(serviceURL, at: y + 40, size: 9, bold: false, in: context, x: x + side + 20, width: 475 - side - 20)
    }
}

/// Where cairo's stream writes the PDF (a class, so the C callback can reach it through an opaque pointer).
private final class ByteSink {
    var bytes: [UInt8] = []
}
