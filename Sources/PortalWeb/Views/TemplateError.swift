/// Failures of the view layer. At start-up the app refuses to start rather than serve broken pages; a page
/// that cannot be rendered later becomes a 500, never a blank 200.
public enum TemplateError: Error, CustomStringConvertible {
    case missingTemplate(String)
    case unlistedTemplate(String)
    case unreadableTemplate(String, underlying: String)
    case missingCatalogue(String)
    case invalidCatalogue(String)
    case missingMessage(String)
    case unusableMessage(String)
    case renderFailed(String)

    public var description: String {
        switch self {
        case .missingTemplate(let name): "template \(name).mustache is missing"
        case .unlistedTemplate(let file): "template \(file) is not listed in the Template enum"
        case .unreadableTemplate(let name, let underlying): "template \(name).mustache cannot be parsed: \(underlying)"
        case .missingCatalogue(let language): "messages/\(language).json is missing"
        case .invalidCatalogue(let language): "messages/\(language).json is not a JSON object of strings"
        case .missingMessage(let key): "the message catalogue has no \"\(key)\" (named in a template)"
        case .unusableMessage(let tag): "a template names a message in a way it cannot be shown: \(tag)"
        case .renderFailed(let name): "template \(name) could not be rendered"
        }
    }
}
