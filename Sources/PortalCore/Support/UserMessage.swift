/// A sentence for the user, named by its key in the message catalogue, with values for its `{placeholders}`.
/// The domain names messages; the web layer turns them into words in the user's language.
public struct UserMessage: Sendable, Hashable {
    public let key: String
    public let arguments: [String: String]

    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}
