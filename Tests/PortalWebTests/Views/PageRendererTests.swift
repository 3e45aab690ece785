import Foundation
import Testing
@testable import PortalWeb

@Suite struct PageRendererTests {
    @Test func refusesToStartWithoutItsTemplates() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: TemplateError.self) { try PageRenderer(templatesDirectory: empty.path) }
    }

    @Test func escapesWhatUsersTyped() throws {
        let renderer = try PageRenderer(templatesDirectory: TestPortal.templates)
        let form = FormView(fields: [.init("full_name")], values: ["full_name": "<script>alert(1)</script>\""])
        let html = renderer.render(Page(template: "registration/form", titleKey: "registration.title", form: form))
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"))
    }

    @Test func errorsShowInTheSummaryBesideTheFieldAndInTheTitle() throws {
        let renderer = try PageRenderer(templatesDirectory: TestPortal.templates)
        let form = FormView(fields: [.init("full_name"), .init("password", type: "password", keepsValue: false)],
                            values: ["full_name": "Anna", "password": "secret1!"],
                            errors: [("password", .init("password.length"))])
        let html = renderer.render(Page(template: "registration/form", titleKey: "registration.title", form: form))
        #expect(html.contains("<title>Error: Registration"))
        #expect(html.contains("There is a problem"))
        #expect(html.contains("<a href=\"#password\">Password must be 8 to 16 characters</a>"))
        #expect(html.contains("id=\"password-error\""))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("value=\"Anna\""))
        #expect(!html.contains("secret1!"))
    }

    @Test func sentencesAreBakedInEscapedAndAMissingKeyStopsTheStart() throws {
        let catalogue = try MessageCatalogue(language: "en", json: Data(#"{"a": {"b": "Tom & \"Jerry\" <3"}}"#.utf8))
        #expect(try catalogue.localizing("<p>{{t.a.b}}</p>{{name}}") == "<p>Tom &amp; &quot;Jerry&quot; &lt;3</p>{{name}}")
        #expect(throws: TemplateError.self) { try catalogue.localizing("{{t.a.missing}}") }
        #expect(throws: TemplateError.self) { try catalogue.localizing("{{#t.a.b}}x{{/t.a.b}}") }
        #expect(throws: TemplateError.self) { try catalogue.localizing("{{ t.a.b }}") }
        let placeholder = try MessageCatalogue(language: "en", json: Data(#"{"a": "after {time}"}"#.utf8))
        #expect(throws: TemplateError.self) { try placeholder.localizing("{{t.a}}") }
    }

    @Test func nginxsOwnErrorPagesComeFromTheCatalogue() throws {
        let renderer = try PageRenderer(templatesDirectory: TestPortal.templates)
        let pages = Dictionary(uniqueKeysWithValues: ErrorPages.renderNginxPages(with: renderer).map { ($0.file, $0.html) })
        #expect(Set(pages.keys) == ["413.html", "429.html", "502.html"])
        #expect(pages["429.html"]?.contains("<h1>Too many requests</h1>") == true)
        #expect(pages["429.html"]?.contains("Please wait a minute and try again.") == true)
        #expect(pages["413.html"]?.contains("<h1>The file or form is too large</h1>") == true)
        #expect(pages["502.html"]?.contains("<h1>Sorry, the service is unavailable</h1>") == true)
        #expect(pages.values.allSatisfy { !$0.contains("csrf_token") && $0.contains("<html lang=\"en\">") })
    }
}
