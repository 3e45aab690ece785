import Foundation
import Mustache
import PortalCore

/// Renders pages from `templates/*.mustache` in every language: the templates are loaded, checked and localised
/// once per language at start-up (sentences baked in), so a page view only fills in its values.
public struct PageRenderer: Sendable {
    private let libraries: [Language: MustacheLibrary]
    private let catalogues: [Language: MessageCatalogue]

    public init(templatesDirectory: String) throws {
        let root = URL(fileURLWithPath: templatesDirectory)
        let texts = try Self.templateTexts(in: root)
        var libraries: [Language: MustacheLibrary] = [:]
        var catalogues: [Language: MessageCatalogue] = [:]
        for language in Language.allCases {
            let messages = try MessageCatalogue.load(language, templatesDirectory: templatesDirectory)
            var library = MustacheLibrary()
            for (template, text) in texts {
                do {
                    try library.register(try messages.localizing(text), named: template.rawValue)
                } catch let error as TemplateError {
                    throw error
                } catch {
                    throw TemplateError.unreadableTemplate(template.rawValue, underlying: "\(error)")
                }
            }
            libraries[language] = library
            catalogues[language] = messages
        }
        self.libraries = libraries
        self.catalogues = catalogues
    }

    /// The sentences of `language`.
    public func messages(_ language: Language) -> MessageCatalogue {
        catalogues[language]!  // every language is loaded in init, or init throws
    }

    /// The page's HTML. `{{x}}` escapes HTML, so whatever users or registries supplied is safe to show.
    /// Throws rather than answering a blank page when the template cannot be rendered.
    public func render(_ content: some PageContent, chrome: PageChrome) throws -> String {
        let messages = messages(chrome.language)
        var values = PageValues.of(content, messages: messages)
        values["lang"] = chrome.language.tag
        values["page_title"] = messages.text(content.title)
        values["signed_in"] = chrome.signedIn
        values["home_href"] = Route.home.path
        values["logout_href"] = Route.logout.path
        values["language_links"] = Language.allCases.map { language in
            ["href": Route.language(language, returnTo: chrome.route).path, "tag": language.tag,
             "name": language.ownName, "current": language == chrome.language] as [String: Any]
        }
        if let token = chrome.csrfToken { values["csrf_token"] = token }
        if let form = content.form {
            let errors = form.errors.map { ["field": $0.field, "message": messages.text($0.message)] }
            values["has_errors"] = !errors.isEmpty
            values["errors"] = errors
            values["fields"] = form.fields.map { form.context(for: $0, messages: messages) }
        }
        guard let html = libraries[chrome.language]?.render(values, withTemplate: content.template.rawValue) else {
            throw TemplateError.renderFailed(content.template.rawValue)
        }
        return html
    }

    /// The text of every template the enum lists; a missing one, or a file it does not list, stops the start.
    private static func templateTexts(in root: URL) throws -> [(Template, String)] {
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        let named = Set(Template.allCases.map(\.rawValue))
        for file in files where file.hasSuffix(".mustache") && !named.contains(String(file.dropLast(".mustache".count))) {
            throw TemplateError.unlistedTemplate(file)
        }
        return try Template.allCases.map { template in
            let url = root.appendingPathComponent(template.rawValue + ".mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw TemplateError.missingTemplate(template.rawValue)
            }
            return (template, text)
        }
    }
}
