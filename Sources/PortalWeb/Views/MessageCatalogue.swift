import Foundation
import PortalCore

/// The sentences of one language, looked up by dotted key ("login.incorrect"). Templates read the same
/// nested dictionary as `{{t.login.incorrect}}`, so code and templates hold keys, never sentences.
public struct MessageCatalogue: @unchecked Sendable {
    // @unchecked: the dictionary is built once at start-up and only read afterwards.
    public let language: String
    let tree: [String: Any]

    public init(language: String, json: Data) throws {
        guard let tree = try JSONSerialization.jsonObject(with: json) as? [String: Any] else {
            throw TemplateError.invalidCatalogue(language)
        }
        self.language = language
        self.tree = tree
    }

    /// Loads `messages/<language>.json` from the templates folder.
    public static func load(language: String, templatesDirectory: String) throws -> MessageCatalogue {
        let url = URL(fileURLWithPath: templatesDirectory).appendingPathComponent("messages/\(language).json")
        return try MessageCatalogue(language: language, json: Data(contentsOf: url))
    }

    /// The sentence for `key`, or nil when the catalogue lacks it.
    public func text(forKey key: String) -> String? {
        var node: Any? = tree
        for part in key.split(separator: ".") { node = (node as? [String: Any])?[String(part)] }
        return node as? String
    }

    /// The sentence for `message` with its `{placeholders}` filled in; the key itself if it is missing,
    /// which the catalogue tests catch before it reaches anyone.
    public func text(_ message: UserMessage) -> String {
        var text = self.text(forKey: message.key) ?? message.key
        for (name, value) in message.arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    public func text(_ key: String) -> String { text(UserMessage(key)) }
}
