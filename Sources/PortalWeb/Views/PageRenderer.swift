import Foundation
import Mustache
import PortalCore

/// Renders pages from `templates/*.mustache` in every language: the templates are loaded, checked and localised
/// once per language at start-up (sentences baked in), so a page view only fills in its values.
public struct PageRenderer: Sendable {
    private let libraries: [Language: MustacheLibrary]
    private let catalogues: [Language: MessageCatalogue]
    private let plans = RenderPlans()

    public init(templatesDirectory: String) throws {
        let root = URL(fileURLWithPath: templatesDirectory)
        let texts = try Self.templateTexts(in: root)
        HTMLEscaping.register()
        var libraries: [Language: MustacheLibrary] = [:]
        var catalogues: [Language: MessageCatalogue] = [:]
        for language in Language.allCases {
            let messages = try MessageCatalogue.load(language, templatesDirectory: templatesDirectory)
            var library = MustacheLibrary()
            for (template, text) in texts {
                do {
                    try library.register(HTMLEscaping.pragma + Self.baking(text, in: messages), named: template.rawValue)
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
        try render(content, chrome: chrome, planned: true)
    }

    /// `planned: false` leaves the page to swift-mustache even when a plan could fill it in (for the tests).
    func render(_ content: some PageContent, chrome: PageChrome, planned: Bool) throws -> String {
        let messages = messages(chrome.language)
        var values = content.values(in: messages)
        values["pageTitle"] = messages.text(content.title)
        values["signedIn"] = chrome.signedIn
        if chrome.signedIn {
            values["remindersLink"] = messages.text(UserMessage("reminders.link", ["count": String(chrome.unreadReminders)]))
            values["hasUnreadReminders"] = chrome.unreadReminders > 0
        }
        values["returnTo"] = QueryString.encode(chrome.route.path)
        if let token = chrome.csrfToken { values["csrfToken"] = token }
        if let form = content.form {
            let errors = form.errors.map { ["field": $0.field, "message": messages.text($0.message)] }
            values["hasErrors"] = !errors.isEmpty
            values["errors"] = errors
            values["fields"] = form.fields.map { form.context(for: $0, messages: messages) }
        }
        let template = content.template.rawValue
        guard let library = libraries[chrome.language] else { throw TemplateError.renderFailed(template) }
        if planned, let html = plans.render(values, template: template, language: chrome.language, with: library) {
            return html
        }
        guard let html = library.render(values, withTemplate: template) else { throw TemplateError.renderFailed(template) }
        return html
    }

    /// A template as a language shows it: its sentences (`{{t.…}}`), the language links and the values that are the
    /// same on every page in that language (`chromeConstants`) baked in, so a page view fills in only the rest
    /// (each `{{x}}` is a lookup through swift-mustache's dynamic casts, the larger part of a page view's time).
    static func baking(_ text: String, in messages: MessageCatalogue) throws -> String {
        var baked = try messages.localizing(text)
            .replacingOccurrences(of: languageLinksMarker, with: languageLinks(current: messages.language))
        for (name, value) in chromeConstants(messages.language) {
            baked = baked.replacingOccurrences(of: "{{\(name)}}", with: HTMLEscaping.escaped(value))
        }
        return baked
    }

    /// The layout's values that depend on the language alone.
    static func chromeConstants(_ language: Language) -> [(String, String)] {
        [("lang", language.tag), ("homeHref", Route.home.path), ("logoutHref", Route.logout.path),
         ("remindersHref", Route.reminders.path)]
    }

    static let languageLinksMarker = "<!--language links: baked in per language at start-up (PageRenderer)-->"

    /// The `English` / `中文` links, each in its own language, the page's own marked current; only the return
    /// path (`{{returnTo}}`) is filled in per page. Baked in once per language, since a section of them cost a fifth
    /// of a page's rendering.
    static func languageLinks(current: Language) -> String {
        Language.allCases.map { language in
            let currentMark = language == current ? " aria-current=\"true\"" : ""
            return "<li><a href=\"\(Route.languageLink(to: language)){{returnTo}}\" lang=\"\(language.tag)\" "
                + "hreflang=\"\(language.tag)\"\(currentMark)>\(HTMLEscaping.escaped(language.ownName))</a></li>"
        }.joined()
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
