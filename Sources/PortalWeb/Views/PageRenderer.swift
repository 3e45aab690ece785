import Foundation
import Mustache

/// Renders pages from `templates/*.mustache`, loaded and checked once at start-up.
public struct PageRenderer: Sendable {
    /// Templates the controllers name; start-up fails if one is missing.
    static let requiredTemplates = ["layout", "partials/field", "home", "login/social-security", "login/permit",
                                    "registration/form", "registration/face", "card/show", "errors/error"]

    private let library: MustacheLibrary
    public let messages: MessageCatalogue

    public init(templatesDirectory: String, language: String = "en") throws {
        let messages = try MessageCatalogue.load(language: language, templatesDirectory: templatesDirectory)
        var library = MustacheLibrary()
        let root = URL(fileURLWithPath: templatesDirectory)
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            do {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                try library.register(try messages.localizing(text), named: name)
            } catch let error as TemplateError {
                throw error
            } catch {
                throw TemplateError.unreadableTemplate(name, underlying: "\(error)")
            }
        }
        for name in Self.requiredTemplates where library.getTemplate(named: name) == nil {
            throw TemplateError.missingTemplate(name)
        }
        self.library = library
        self.messages = messages
    }

    /// The page's HTML. `{{x}}` escapes HTML, so whatever users or registries supplied is safe to show.
    public func render(_ page: Page) -> String {
        var context = page.values
        context["lang"] = messages.language
        context["page_title"] = messages.text(page.titleKey)
        context["signed_in"] = page.signedIn
        context["home_href"] = Route.home.path
        context["logout_href"] = Route.logout.path
        if let token = page.csrfToken { context["csrf_token"] = token }
        if let form = page.form {
            let errors = form.errors.map { ["field": $0.field, "message": messages.text($0.message)] }
            context["has_errors"] = !errors.isEmpty
            context["errors"] = errors
            context["fields"] = form.fields.map { form.context(for: $0, messages: messages) }
        }
        return library.render(context, withTemplate: page.template) ?? ""
    }
}
