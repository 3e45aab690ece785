/// Turns a registry CSV file into records, refusing the whole file at its first bad row,
/// so an import either writes every row or nothing.
public struct RegistryImporter: Sendable {
    private let store: any RegistryStore

    public init(store: any RegistryStore) {
        self.store = store
    }

    /// Parses and checks `text`, then writes it in one transaction. Returns how many records it holds.
    @discardableResult
    public func importFile(_ text: String, as kind: RegistryKind) throws -> Int {
        let batch = try Self.batch(from: text, as: kind)
        try store.upsert(batch)
        return batch.count
    }

    /// The checked records of `text`, without writing anything.
    public static func batch(from text: String, as kind: RegistryKind) throws(RegistryError) -> RegistryBatch {
        let rows = try CSVParser.parse(text)
        guard let header = rows.first else { throw .emptyFile }
        let columns = try checkedHeader(header.fields, for: kind)
        var records: [RegistryRow] = []
        var seenKeys: Set<String> = []
        for row in rows.dropFirst() {
            guard row.fields.count == columns.count else {
                throw .wrongFieldCount(line: row.line, expected: columns.count, found: row.fields.count)
            }
            let record = RegistryRow(line: row.line, values: Dictionary(uniqueKeysWithValues: zip(columns, row.fields)))
            let key = TextLimits.identifier(record.values[kind.keyColumn] ?? "")
            guard seenKeys.insert(key).inserted else {
                throw .duplicateKey(line: row.line, column: kind.keyColumn, value: key)
            }
            records.append(record)
        }
        return try RegistryRowDecoder.batch(of: kind, from: records)
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
