/// A small RFC 4180 reader: comma separated, fields optionally in double quotes ("" inside quotes is a quote),
/// LF or CRLF line ends, a leading UTF-8 byte order mark ignored. Blank lines are skipped.
public enum CSVParser {
    /// One record and the line of the file it starts on.
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let fields: [String]
    }

    public static func parse(_ text: String) throws(RegistryError) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var afterClosingQuote = false
        var line = 1
        var rowStart = 1
        var iterator = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).makeIterator()
        var pending = iterator.next()

        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowStart, fields: fields)) }
            fields = []
            field = ""
        }

        while let character = pending {
            pending = iterator.next()
            if inQuotes {
                if character == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        inQuotes = false
                        afterClosingQuote = true
                    }
                } else {
                    if character == "\n" || character == "\r\n" || character == "\r" { line += 1 }
                    field.append(character)
                }
                continue
            }
            let endsField = [",", "\n", "\r\n", "\r"].contains(character)
            if afterClosingQuote && !endsField {
                throw .malformedCSV(line: line, reason: "text after the closing quote of a field")
            }
            afterClosingQuote = false
            switch character {
            case "\"" where field.isEmpty: inQuotes = true
            case "\"": throw .malformedCSV(line: line, reason: "a quote inside an unquoted field")
            case ",": fields.append(field); field = ""
            case "\n", "\r\n", "\r":
                endRow()
                line += 1
                rowStart = line
            default: field.append(character)
            }
        }
        if inQuotes { throw .malformedCSV(line: rowStart, reason: "a quoted field is not closed") }
        endRow()
        return rows
    }
}
