/// How registry files are written in development (CSV imports) and operator corrections are made.
public protocol RegistryStore: PermitRegistry {
    /// Writes every record in one transaction, replacing records with the same key.
    func upsert(_ batch: RegistryBatch) throws
    /// Marks a permit canceled; throws `RegistryError.unknownPermit` when there is none.
    func cancelPermit(number: String, reason: String) throws
}
