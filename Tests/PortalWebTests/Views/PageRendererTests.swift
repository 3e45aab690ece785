import Foundation
import PortalCore
import Testing
@testable import PortalWeb

@Suite struct PageRendererTests {
    private struct FormPage: PageContent {
        let form: FormView?
        let action = "/register"
        var template: Template { .registration }
        var title: UserMessage { UserMessage("registration.title") }
    }

    private func renderer() throws -> PageRenderer { try PageRenderer(templatesDirectory: TestPortal.templates) }

    private func chrome(_ language: Language = .english) -> PageChrome {
        PageChrome(language: language, route: .registration, csrfToken: "tok")
    }

    /// A copy of the templates folder, to break on purpose.
    private func templatesCopy() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: TestPortal.templates), to: copy)
        return copy
    }

    @Test func refusesToStartWithAMissingOrAnUnlistedTemplate() throws {
        let missing = try templatesCopy()
        defer { try? FileManager.default.removeItem(at: missing) }
        try FileManager.default.removeItem(at: missing.appendingPathComponent("card/show.mustache"))
        #expect(throws: TemplateError.self) { try PageRenderer(templatesDirectory: missing.path) }

        let unlisted = try templatesCopy()
        defer { try? FileManager.default.removeItem(at: unlisted) }
        try Data("{{<layout}}{{/layout}}".utf8).write(to: unlisted.appendingPathComponent("stray.mustache"))
        #expect(throws: TemplateError.self) { try PageRenderer(templatesDirectory: unlisted.path) }
    }

    @Test func refusesToStartWithoutTheChineseCatalogue() throws {
        let copy = try templatesCopy()
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.removeItem(at: copy.appendingPathComponent("messages/zh.json"))
        #expect(throws: TemplateError.self) { try PageRenderer(templatesDirectory: copy.path) }
    }

    @Test func escapesWhatUsersTyped() throws {
        let form = FormView(fields: [.init("full_name")], values: ["full_name": "<script>alert(1)</script>\""])
        let html = try renderer().render(FormPage(form: form), chrome: chrome())
        #expect(!html.contains("<script>alert(1)"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;"))
    }

    @Test func errorsShowInTheSummaryBesideTheFieldAndInTheTitle() throws {
        let form = FormView(fields: [.init("full_name"), .init("password", type: "password", keepsValue: false)],
                            values: ["full_name": "Anna", "password": "secret1!"],
                            errors: [("password", .init("password.length"))])
        let html = try renderer().render(FormPage(form: form), chrome: chrome())
        #expect(html.contains("<title>Error: Registration"))
        #expect(html.contains("There is a problem"))
        #expect(html.contains("<a href=\"#password\">Password must be 8 to 16 characters</a>"))
        #expect(html.contains("id=\"password-error\""))
        #expect(html.contains("aria-invalid=\"true\""))
        #expect(html.contains("value=\"Anna\""))
        #expect(!html.contains("secret1!"))
    }

    @Test func theSamePageInChineseWithNumbersFromTheCode() throws {
        let form = FormView(fields: [.init("password", type: "password", keepsValue: false)],
                            errors: [("password", .init("password.length"))])
        let html = try renderer().render(FormPage(form: form), chrome: chrome(.chinese))
        #expect(html.contains("<html lang=\"zh-Hans\">"))
        #expect(html.contains("<title>错误：注册"))
        #expect(html.contains("出现问题"))
        #expect(html.contains("密码须为\(PasswordPolicy.length.lowerBound)至\(PasswordPolicy.length.upperBound)个字符"))
    }

    @Test func everyPageLinksBothLanguagesEachInItsOwnBackToThisPage() throws {
        let html = try renderer().render(FormPage(form: FormView(fields: [])), chrome: chrome(.chinese))
        #expect(html.contains("<a href=\"/language/en?return=%2Fregister\" lang=\"en\" hreflang=\"en\">English</a>"))
        #expect(html.contains(
            "<a href=\"/language/zh?return=%2Fregister\" lang=\"zh-Hans\" hreflang=\"zh-Hans\" aria-current=\"true\">中文</a>"))
    }

    @Test func sentencesAreBakedInEscapedAndAMissingKeyStopsTheStart() throws {
        let catalogue = try MessageCatalogue(language: .english, json: Data(#"{"a": {"b": "Tom & \"Jerry\" <3"}}"#.utf8))
        #expect(try catalogue.localizing("<p>{{t.a.b}}</p>{{name}}") == "<p>Tom &amp; &quot;Jerry&quot; &lt;3</p>{{name}}")
        #expect(throws: TemplateError.self) { try catalogue.localizing("{{t.a.missing}}") }
        #expect(throws: TemplateError.self) { try catalogue.localizing("{{#t.a.b}}x{{/t.a.b}}") }
        #expect(throws: TemplateError.self) { try catalogue.localizing("{{ t.a.b }}") }
        let placeholder = try MessageCatalogue(language: .english, json: Data(#"{"a": "after {time}"}"#.utf8))
        #expect(throws: TemplateError.self) { try placeholder.localizing("{{t.a}}") }
        let fact = try MessageCatalogue(language: .english, json: Data(#"{"a": "up to {n} MB"}"#.utf8), facts: ["n": "4"])
        #expect(try fact.localizing("{{t.a}}") == "up to 4 MB")
    }

    @Test func nginxsOwnErrorPagesComeInBothLanguages() throws {
        let pages = Dictionary(uniqueKeysWithValues: try ErrorPages.renderNginxPages(with: renderer()).map { ($0.file, $0.html) })
        let statuses = ErrorPages.nginxStatuses.map(\.status)
        #expect(Set(pages.keys) == Set(["en", "zh"].flatMap { language in statuses.map { "\(language)/\($0).html" } }))
        #expect(Set(statuses).isSuperset(of: [400, 404, 405, 408, 413, 414, 429, 494, 500, 502, 503, 504]))
        #expect(pages["en/429.html"]?.contains("<h1>Too many requests</h1>") == true)
        #expect(pages["en/429.html"]?.contains("Please wait a minute and try again.") == true)
        #expect(pages["en/413.html"]?.contains("<h1>The file or form is too large</h1>") == true)
        #expect(pages["en/502.html"]?.contains("<h1>Sorry, the service is unavailable</h1>") == true)
        #expect(pages.filter { $0.key.hasPrefix("en/") }.values.allSatisfy { $0.contains("<html lang=\"en\">") })
        #expect(pages.filter { $0.key.hasPrefix("zh/") }.values.allSatisfy { $0.contains("<html lang=\"zh-Hans\">") })
        #expect(pages.values.allSatisfy { !$0.contains("csrf_token") })
    }
}

@Suite struct HandWrittenPageValuesTests {
    /// The pages that list their values by hand must list what reflection would, or a template would miss one.
    @Test func theHomeAndCardPagesListTheSameValuesAsReflection() throws {
        let messages = try MessageCatalogue.load(.chinese, templatesDirectory: TestPortal.templates)
        let home = HomeController.Page()
        #expect(NSDictionary(dictionary: home.values(in: messages)) == NSDictionary(dictionary: PageValues.of(home, messages: messages)))
        for collected in [Date?.none, Date(timeIntervalSince1970: 1_780_000_000)] {
            let account = Account(id: 1, permitNumber: "WP2026000001", fullName: "ANNA SCHMIDT", passwordHash: "",
                                  state: .active, createdAt: .now, collectedAt: collected)
            let card = CardController.Page(account)
            #expect(NSDictionary(dictionary: card.values(in: messages))
                == NSDictionary(dictionary: PageValues.of(card, messages: messages)))
        }
    }
}
