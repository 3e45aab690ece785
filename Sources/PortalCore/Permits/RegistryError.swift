/// What is wrong with a registry file or an operator command; every case names where.
public enum RegistryError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformedCSV(line: Int, reason: String)
    case emptyFile
    case unknownColumn(String)
    case missingColumn(String)
    case duplicateColumn(String)
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    case invalidValue(line: Int, column: String, reason: String)
    case duplicateKey(line: Int, column: String, value: String)
    case unknownPermit(String)
    case invalidReason

    public var description: String {
        switch self {
        case .malformedCSV(let line, let reason): "line \(line): not valid CSV: \(reason)"
        case .emptyFile: "the file has no header row"
        case .unknownColumn(let name): "line 1: unknown column \"\(name)\""
        case .missingColumn(let name): "line 1: missing column \"\(name)\""
        case .duplicateColumn(let name): "line 1: column \"\(name)\" appears twice"
        case .wrongFieldCount(let line, let expected, let found):
            "line \(line): expected \(expected) fields, found \(found)"
        case .invalidValue(let line, let column, let reason): "line \(line), column \(column): \(reason)"
        case .duplicateKey(let line, let column, let value):
            "line \(line), column \(column): \"\(value)\" appears earlier in the file"
        case .unknownPermit(let number): "no permit with number \"\(number)\""
        case .invalidReason: "the reason must be 1 to \(TextLimits.maximumFieldLength) characters"
        }
    }
}
