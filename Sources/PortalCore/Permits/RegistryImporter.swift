/// Turns a registry CSV file into records, refusing the whole file at its first bad row,
/// so an import either writes every row or nothing.
///
/// The file is read in pieces and each record is written as its row is checked, all inside one transaction: a
/// million rows never sit in memory together, and a bad row anywhere still leaves the registry as it was.
public struct RegistryImporter: Sendable {
    private let store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    /// Imports the file whose bytes `nextPiece` returns piece by piece (nil at its end), in one transaction.
    /// `progress` hears the number of rows written every 10,000 rows. Returns how many records the file holds.
    @discardableResult
    public func importFile(as kind: RegistryKind, pieces nextPiece: () throws -> [UInt8]?,
                           progress: (Int) -> Void = { _ in }) throws -> Int {
        var count = 0
        try store.upsert { write in
            try Self.records(of: kind, pieces: nextPiece) { record in
                try write(record)
                count += 1
                if count % 10_000 == 0 { progress(count) }
            }
        }
        return count
    }

    /// Imports `text` (a whole file) in one transaction.
    @discardableResult
    public func importFile(_ text: String, as kind: RegistryKind) throws -> Int {
        var pieces = [Array(text.utf8)]
        return try importFile(as: kind, pieces: { pieces.popLast() })
    }

    /// The checked records of `text`, without writing anything.
    public static func batch(from text: String, as kind: RegistryKind) throws -> [RegistryRecord] {
        var pieces = [Array(text.utf8)], records: [RegistryRecord] = []
        try Self.records(of: kind, pieces: { pieces.popLast() }) { records.append($0) }
        return records
    }

    /// Reads the pieces, checks each row and hands over its record; throws at the first bad row.
    static func records(of kind: RegistryKind, pieces nextPiece: () throws -> [UInt8]?,
                        each: (RegistryRecord) throws -> Void) throws {
        var parser = CSVParser()
        var columns: [String]?
        var seenKeys: Set<String> = []
        func take(_ row: CSVParser.Row) throws {
            guard let columns else {
                columns = try checkedHeader(row.fields, for: kind)
                return
            }
            guard row.fields.count == columns.count else {
                throw RegistryError.wrongFieldCount(line: row.line, expected: columns.count, found: row.fields.count)
            }
            let values = RegistryRow(line: row.line, values: Dictionary(uniqueKeysWithValues: zip(columns, row.fields)))
            let key = TextLimits.identifier(values.values[kind.keyColumn] ?? "")
            guard seenKeys.insert(key).inserted else {
                throw RegistryError.duplicateKey(line: row.line, column: kind.keyColumn, value: key)
            }
            try each(try RegistryRowDecoder.record(of: kind, from: values))
        }
        // The parser's callbacks throw only RegistryError; a store error is carried out past them.
        var failure: (any Error)?
        func handOver(_ row: CSVParser.Row) throws(RegistryError) {
            guard failure == nil else { return }
            do { try take(row) } catch let error as RegistryError { throw error } catch { failure = error }
        }
        while let piece = try nextPiece() {
            try parser.feed(piece, row: handOver)
            if let failure { throw failure }
        }
        try parser.finish(row: handOver)
        if let failure { throw failure }
        guard columns != nil else { throw RegistryError.emptyFile }
    }

    private static func checkedHeader(_ names: [String], for kind: RegistryKind) throws(RegistryError) -> [String] {
        let columns = names.map { TextLimits.collapsingSpaces($0).lowercased() }
        var seen: Set<String> = []
        for column in columns {
            guard kind.columns.contains(column) else { throw .unknownColumn(column) }
            guard seen.insert(column).inserted else { throw .duplicateColumn(column) }
        }
        if let missing = kind.columns.first(where: { !seen.contains($0) }) { throw .missingColumn(missing) }
        return columns
    }
}
