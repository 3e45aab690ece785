/// How registry files are written in development (CSV imports) and operator corrections are made.
public protocol RegistryStore: PermitRegistry {
    /// Writes every record `produce` hands to `write` in one transaction, replacing records with the same key;
    /// when `produce` throws, nothing is written.
    func upsert(_ produce: (_ write: (RegistryRecord) throws -> Void) throws -> Void) throws
    /// Marks a permit canceled; throws `RegistryError.unknownPermit` when there is none.
    func cancelPermit(number: String, reason: String) throws
}
