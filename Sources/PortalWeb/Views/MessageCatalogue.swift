import Foundation
import PortalCore

/// The sentences of one language, looked up by dotted key ("login.incorrect"). Templates name them as
/// `{{t.login.incorrect}}`, so code and templates hold keys, never sentences. A sentence that states a number
/// the code enforces names it as a fact (`{password_max}`), filled in from `facts`, never typed into the sentence.
public struct MessageCatalogue: @unchecked Sendable {
    // @unchecked: the dictionary is built once at start-up and only read afterwards.
    public let language: Language
    let tree: [String: Any]
    let facts: [String: String]

    public init(language: Language, json: Data, facts: [String: String] = MessageCatalogue.portalFacts) throws {
        guard let tree = (try? JSONSerialization.jsonObject(with: json)) as? [String: Any] else {
            throw TemplateError.invalidCatalogue(language.rawValue)
        }
        self.language = language
        self.tree = tree
        self.facts = facts
    }

    /// The numbers sentences state, from the code that enforces them.
    public static let portalFacts: [String: String] = [
        "password_min": String(PasswordPolicy.length.lowerBound),
        "password_max": String(PasswordPolicy.length.upperBound),
        "full_name_max": String(TextLimits.maximumFieldLength),
        "photo_megabytes": String(PhotoLimits.maximumMegabytes),
        "card_min": String(BankCardNumber.lengths.lowerBound),
        "card_max": String(BankCardNumber.lengths.upperBound),
        "pin_length": String(PinPolicy.length),
        "photo_max_side": String(PhotoLimits.maximumSide),
    ]

    /// Loads `messages/<language>.json` from the templates folder.
    public static func load(_ language: Language, templatesDirectory: String) throws -> MessageCatalogue {
        let url = URL(fileURLWithPath: templatesDirectory).appendingPathComponent("messages/\(language.rawValue).json")
        guard let json = try? Data(contentsOf: url) else { throw TemplateError.missingCatalogue(language.rawValue) }
        return try MessageCatalogue(language: language, json: json)
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
        filledIn(self.text(forKey: message.key) ?? message.key, arguments: message.arguments)
    }

    /// The sentence with each `{name}` it holds replaced by its argument, else by the fact of that name, in one pass
    /// (a replace per known name cost a tenth of a page view); an unknown name is left as it is.
    private func filledIn(_ sentence: String, arguments: [String: String] = [:]) -> String {
        guard sentence.utf8.contains(UInt8(ascii: "{")) else { return sentence }
        var result = ""
        var rest = Substring(sentence)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] ?? facts[name] { result += value } else { result += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    public func text(_ key: String) -> String { text(UserMessage(key)) }

    /// The template text with every variable tag of the form `t.<key>` replaced by its sentence, HTML-escaped,
    /// once at start-up: pages then render without looking up or escaping the same words on every request.
    /// A key the catalogue lacks, a sentence with a `{placeholder}` that is not a fact (only code can fill those in), or a `t.` tag
    /// in any other form (a section, triple braces, spaces) stops the start.
    func localizing(_ template: String) throws -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{t.") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let key = String(rest[open.upperBound..<close.lowerBound])
            guard let sentence = text(forKey: key).map({ filledIn($0) }) else { throw TemplateError.missingMessage(key) }
            guard !sentence.contains("{") else { throw TemplateError.unusableMessage(key) }
            result += rest[..<open.lowerBound]
            result += HTMLEscaping.escaped(sentence)
            rest = rest[close.upperBound...]
        }
        result += rest
        if let leftover = result.range(of: #"\{\{\s*[{&#^/]?\s*t\."#, options: .regularExpression) {
            throw TemplateError.unusableMessage(String(result[leftover.lowerBound...].prefix(40)))
        }
        return result
    }

}
