import PortalCore

/// A page struct's stored properties as the template's values, read once per render: names in snake_case,
/// sentences in the page's language, absent optionals left out (so `{{#x}}` sections see nothing).
enum PageValues {
    static func of(_ content: some PageContent, messages: MessageCatalogue) -> [String: Any] {
        var values: [String: Any] = [:]
        for child in Mirror(reflecting: content).children {
            guard let label = child.label, label != "form", let value = shown(child.value, messages) else { continue }
            values[snakeCase(label)] = value
        }
        return values
    }

    private static func shown(_ value: Any, _ messages: MessageCatalogue) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return shown(wrapped, messages)
        }
        if let message = value as? UserMessage { return messages.text(message) }
        return value
    }

    /// `permitNumberMasked` → `permit_number_masked`.
    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_"
                result += character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
