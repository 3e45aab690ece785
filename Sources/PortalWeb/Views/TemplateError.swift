/// Start-up failures of the view layer: the app refuses to start rather than serve broken pages.
public enum TemplateError: Error, CustomStringConvertible {
    case missingTemplate(String)
    case unreadableTemplate(String, underlying: String)
    case missingCatalogue(String)
    case invalidCatalogue(String)
    case missingMessage(String)
    case unusableMessage(String)

    public var description: String {
        switch self {
        case .missingTemplate(let name): "template \(name).mustache is missing"
        case .unreadableTemplate(let name, let underlying): "template \(name).mustache cannot be parsed: \(underlying)"
        case .missingCatalogue(let language): "messages/\(language).json is missing"
        case .invalidCatalogue(let language): "messages/\(language).json is not a JSON object"
        case .missingMessage(let key): "the message catalogue has no \"\(key)\" (named in a template)"
        case .unusableMessage(let tag): "a template names a message in a way it cannot be shown: \(tag)"
        }
    }
}
