/// A small RFC 4180 reader: comma separated, fields optionally in double quotes ("" inside quotes is a quote),
/// LF or CRLF line ends, a leading UTF-8 byte order mark ignored. Blank lines are skipped.
///
/// It reads bytes in pieces of any size (`feed`, then `finish`) and hands over each row as soon as it ends,
/// so a registry file of a million rows is never held in memory whole.
public struct CSVParser {
    /// One record and the line of the file it starts on.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    private var fields: [String] = []
    private var field: [UInt8] = []
    private var inQuotes = false
    /// A quote inside a quoted field: a doubled quote or the field's end, as the next byte tells.
    private var quoteInQuotes = false
    private var afterClosingQuote = false
    private var afterCR = false
    private var line = 1
    private var rowStart = 1
    /// Bytes of the file's start still compared with the byte order mark.
    private var byteOrderMarkLeft: ArraySlice<UInt8>? = [0xEF, 0xBB, 0xBF]

    public init() {}

    /// Every row of `text`.
    public static func parse(_ text: String) throws(RegistryError) -> [Row] {
        var parser = CSVParser(), rows: [Row] = []
        try parser.feed(Array(text.utf8)) { rows.append($0) }
        try parser.finish { rows.append($0) }
        return rows
    }

    /// Reads the next piece of the file, handing over each row it completes.
    public mutating func feed(_ bytes: [UInt8], row emit: (Row) throws(RegistryError) -> Void) throws(RegistryError) {
        for byte in bytes { try read(byte, emit) }
    }

    /// Ends the file: hands over its last row, if it did not end with a line end.
    public mutating func finish(row emit: (Row) throws(RegistryError) -> Void) throws(RegistryError) {
        if quoteInQuotes { quoteInQuotes = false; inQuotes = false }
        if inQuotes { throw .malformedCSV(line: rowStart, reason: "a quoted field is not closed") }
        try endRow(emit)
    }

    private mutating func read(_ byte: UInt8, _ emit: (Row) throws(RegistryError) -> Void) throws(RegistryError) {
        if let mark = byteOrderMarkLeft {
            if byte == mark.first {
                byteOrderMarkLeft = mark.count == 1 ? nil : mark.dropFirst()
                if mark.count == 1 { field.removeAll() } else { field.append(byte) }
                return
            }
            byteOrderMarkLeft = nil  // not a mark after all: what was held back is text
        }
        let wasAfterCR = afterCR
        afterCR = byte == UInt8(ascii: "\r")
        if quoteInQuotes {
            quoteInQuotes = false
            if byte == UInt8(ascii: "\"") {
                field.append(byte)
                return
            }
            inQuotes = false
            afterClosingQuote = true
        }
        if inQuotes {
            switch byte {
            case UInt8(ascii: "\""): quoteInQuotes = true
            case UInt8(ascii: "\r"): line += 1; field.append(byte)
            case UInt8(ascii: "\n"): if !wasAfterCR { line += 1 }; field.append(byte)
            default: field.append(byte)
            }
            return
        }
        let endsField = byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        if afterClosingQuote && !endsField {
            throw .malformedCSV(line: line, reason: "text after the closing quote of a field")
        }
        afterClosingQuote = false
        switch byte {
        case UInt8(ascii: "\"") where field.isEmpty: inQuotes = true
        case UInt8(ascii: "\""): throw .malformedCSV(line: line, reason: "a quote inside an unquoted field")
        case UInt8(ascii: ","): try endField()
        case UInt8(ascii: "\n") where wasAfterCR: break  // the LF of a CRLF that already ended the row
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            try endRow(emit)
            line += 1
            rowStart = line
        default: field.append(byte)
        }
    }

    private mutating func endField() throws(RegistryError) {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw .malformedCSV(line: line, reason: "the text is not UTF-8")
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRow(_ emit: (Row) throws(RegistryError) -> Void) throws(RegistryError) {
        try endField()
        defer { fields.removeAll(keepingCapacity: true) }
        if fields.count == 1 && fields[0].isEmpty { return }
        try emit(Row(line: rowStart, fields: fields))
    }
}
