import PortalCore

/// A page struct's stored properties as the template's values, read once per render: a property's name is the
/// template's (`fullName` is `{{fullName}}`), a sentence is in the page's language, an absent optional is left out
/// (so `{{#x}}` sections see nothing).
enum PageValues {
    static func of(_ content: some PageContent, messages: MessageCatalogue) -> [String: Any] {
        var values: [String: Any] = [:]
        for child in Mirror(reflecting: content).children {
            guard let label = child.label, label != "form", let value = shown(child.value, messages) else { continue }
            values[label] = value
        }
        return values
    }

    private static func shown(_ value: Any, _ messages: MessageCatalogue) -> Any? {
        // Plain strings and booleans first: most values are, and a cast to them is the cheapest.
        if value is String || value is Bool { return value }
        if let message = value as? UserMessage { return messages.text(message) }
        if let optional = value as? any OptionalValue {
            guard let wrapped = optional.wrappedValue else { return nil }
            return shown(wrapped, messages)
        }
        return value
    }
}

/// Lets `PageValues` look inside an optional without a Mirror.
protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self.map { $0 as Any } }
}
