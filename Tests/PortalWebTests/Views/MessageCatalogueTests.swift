import Foundation
import Testing
@testable import PortalWeb

@Suite struct MessageCatalogueTests {
    static let root = URL(fileURLWithPath: TestPortal.templates).deletingLastPathComponent()

    static func catalogue() throws -> MessageCatalogue {
        try MessageCatalogue.load(language: "en", templatesDirectory: TestPortal.templates)
    }

    /// Every `UserMessage("key")` and `{{t.key}}` in the sources and templates, so a typo cannot reach a page.
    static func referencedKeys() throws -> Set<String> {
        var keys: Set<String> = []
        let patterns = [#"UserMessage\("([a-z_.]+)""#, #"\{\{[#^/]?t\.([a-z_.]+)\}\}"#]
        for folder in ["Sources", "templates"] {
            let base = root.appendingPathComponent(folder)
            for case let file as String in FileManager.default.enumerator(atPath: base.path) ?? .init()
            where file.hasSuffix(".swift") || file.hasSuffix(".mustache") {
                let text = try String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)
                for pattern in patterns {
                    let regex = try NSRegularExpression(pattern: pattern)
                    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                        keys.insert(String(text[Range(match.range(at: 1), in: text)!]))
                    }
                }
            }
        }
        return keys
    }

    @Test func everyReferencedKeyHasASentence() throws {
        let catalogue = try Self.catalogue()
        let keys = try Self.referencedKeys()
        #expect(keys.count > 40)
        for key in keys.sorted() { #expect(catalogue.text(forKey: key) != nil, "missing \(key)") }
    }

    @Test func keysBuiltAtRunTimeHaveSentencesToo() throws {
        let catalogue = try Self.catalogue()
        for key in ["login.incorrect", "login.incorrect_ss"] { #expect(catalogue.text(forKey: key) != nil) }
        for failure in ["not_found", "method_not_allowed", "bad_request", "csrf", "too_large", "busy", "internal"] {
            #expect(catalogue.text(forKey: "errors.\(failure).title") != nil)
            #expect(catalogue.text(forKey: "errors.\(failure).body") != nil)
        }
        for field in ["full_name", "permit_number", "password", "password_confirm", "ss_number", "face_image"] {
            #expect(catalogue.text(forKey: "field.\(field).label") != nil)
        }
    }

    @Test func fillsPlaceholdersAndFallsBackToTheKey() throws {
        let catalogue = try Self.catalogue()
        #expect(catalogue.text(.init("lockout", ["time": "14:35"]))
            == "Too many failed attempts. Try again after 14:35 (China Standard Time).")
        #expect(catalogue.text("no.such.key") == "no.such.key")
    }

    @Test func theContractsWordsAreTheEnglishValues() throws {
        let catalogue = try Self.catalogue()
        #expect(catalogue.text("home.login") == "Login")
        #expect(catalogue.text("login.permit_portal_link") == "Login portal for foreigners holding Work Permit")
        #expect(catalogue.text("login.registration_link") == "Registration")
        #expect(catalogue.text("registration.submit") == "Sign up and Login")
        #expect(catalogue.text("face.submit") == "Verify")
        #expect(catalogue.text("layout.logout") == "Log out")
    }
}
