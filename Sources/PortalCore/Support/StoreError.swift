/// A store's failure that is not a domain answer: the database refused or could not be reached. The SQLite
/// store turns its own errors into these, so nothing above the stores sees a database library's types.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A uniqueness rule of the schema refused the write (the store's caller turns it into its domain error).
    case conflict(String)
    /// Anything else: the detail is for the log.
    case unavailable(String)

    public var description: String {
        switch self {
        case .conflict(let detail): "store conflict: \(detail)"
        case .unavailable(let detail): "store unavailable: \(detail)"
        }
    }
}
