/// One CSV record with its values looked up by column name, checked as they are read.
struct RegistryRow {
    let line: Int
    let values: [String: String]

    /// Free text such as a name or employer: required, spaces folded, bounded length.
    func text(_ column: String) throws(RegistryError) -> String {
        let value = TextLimits.collapsingSpaces(values[column] ?? "")
        guard !value.isEmpty else { throw .invalidValue(line: line, column: column, reason: "is empty") }
        // Folded printable ASCII holds no control character; anything else is looked at scalar by scalar.
        guard TextLimits.isFoldedASCII(value.utf8)
              || !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidValue(line: line, column: column, reason: "holds a control character")
        }
        guard value.count <= TextLimits.maximumFieldLength else {
            throw .invalidValue(line: line, column: column, reason: "is longer than \(TextLimits.maximumFieldLength) characters")
        }
        return value
    }

    /// An identifier: letters and digits only, stored in upper case.
    func identifier(_ column: String, length: ClosedRange<Int> = 5...24) throws(RegistryError) -> String {
        let value = TextLimits.identifier(values[column] ?? "")
        guard length.contains(value.count), value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw .invalidValue(line: line, column: column,
                                reason: "must be \(length.lowerBound) to \(length.upperBound) letters or digits")
        }
        return value
    }

    /// A number made of digits only (bank cards, phones).
    func digits(_ column: String, length: ClosedRange<Int>) throws(RegistryError) -> String {
        let value = String((values[column] ?? "").filter { !$0.isWhitespace })
        guard length.contains(value.count), value.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidValue(line: line, column: column,
                                reason: "must be \(length.lowerBound) to \(length.upperBound) digits")
        }
        return value
    }

    func day(_ column: String) throws(RegistryError) -> CalendarDay {
        guard let day = CalendarDay(TextLimits.collapsingSpaces(values[column] ?? "")) else {
            throw .invalidValue(line: line, column: column, reason: "must be a date as YYYY-MM-DD")
        }
        return day
    }

    func oneOf(_ column: String, _ allowed: [String]) throws(RegistryError) -> String {
        let value = TextLimits.collapsingSpaces(values[column] ?? "").lowercased()
        guard allowed.contains(value) else {
            throw .invalidValue(line: line, column: column, reason: "must be one of: \(allowed.joined(separator: ", "))")
        }
        return value
    }
}

extension RegistryRow {
    /// The column as a case of `Value` (whose raw values are the lower-case words the file may hold).
    func oneOf<Value: RawRepresentable & CaseIterable>(_ column: String, _: Value.Type) throws(RegistryError) -> Value
    where Value.RawValue == String {
        let word = try oneOf(column, Value.allCases.map(\.rawValue))
        guard let value = Value(rawValue: word) else {
            throw .invalidValue(line: line, column: column, reason: "is not a known value")
        }
        return value
    }
}
