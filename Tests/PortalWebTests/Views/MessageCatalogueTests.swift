import Foundation
import PortalCore
import Testing
@testable import PortalWeb

@Suite struct MessageCatalogueTests {
    static let root = URL(fileURLWithPath: TestPortal.templates).deletingLastPathComponent()

    static func catalogue(_ language: Language = .english) throws -> MessageCatalogue {
        try MessageCatalogue.load(language, templatesDirectory: TestPortal.templates)
    }

    /// The catalogue file as a flat map of dotted keys to sentences.
    static func flattened(_ language: Language) throws -> [String: String] {
        let url = URL(fileURLWithPath: TestPortal.templates).appendingPathComponent("messages/\(language.rawValue).json")
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var flat: [String: String] = [:]
        func walk(_ node: [String: Any], _ prefix: String) {
            for (key, value) in node {
                if let sentence = value as? String { flat[prefix + key] = sentence }
                if let child = value as? [String: Any] { walk(child, prefix + key + ".") }
            }
        }
        walk(tree, "")
        return flat
    }

    static func placeholders(in sentence: String) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: #"\{([a-z_]+)\}"#)
        return Set(regex.matches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence))
            .map { String(sentence[Range($0.range(at: 1), in: sentence)!]) })
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

    @Test func bothCataloguesHaveTheSameKeysAndPlaceholders() throws {
        let english = try Self.flattened(.english), chinese = try Self.flattened(.chinese)
        #expect(Set(english.keys) == Set(chinese.keys), "only in one: \(Set(english.keys).symmetricDifference(chinese.keys))")
        for (key, sentence) in english {
            #expect(Self.placeholders(in: sentence) == Self.placeholders(in: chinese[key] ?? ""), "\(key)")
        }
    }

    @Test func everyPlaceholderOfABakedSentenceIsAFactOfTheCode() throws {
        let facts = Set(MessageCatalogue.portalFacts.keys)
        let filledByCode: Set<String> = ["time", "digits", "phone", "minutes", "seconds", "left", "code", "days", "date", "reason", "count", "permit"]  // values only a request knows
        for (key, sentence) in try Self.flattened(.english) {
            #expect(Self.placeholders(in: sentence).isSubset(of: facts.union(filledByCode)), "\(key)")
        }
    }

    @Test(arguments: Language.allCases)
    func everyReferencedKeyHasASentence(language: Language) throws {
        let catalogue = try Self.catalogue(language)
        let keys = try Self.referencedKeys()
        #expect(keys.count > 40)
        for key in keys.sorted() { #expect(catalogue.text(forKey: key) != nil, "missing \(key)") }
    }

    @Test func keysBuiltAtRunTimeHaveSentencesToo() throws {
        let catalogue = try Self.catalogue()
        for key in ["login.incorrect", "login.incorrect_ss"] { #expect(catalogue.text(forKey: key) != nil) }
        for failure in ErrorPages.Failure.allCases {
            #expect(catalogue.text(forKey: "errors.\(failure.key).title") != nil)
            #expect(catalogue.text(forKey: "errors.\(failure.key).body") != nil)
        }
        for field in ["full_name", "permit_number", "password", "password_confirm", "ss_number", "face_image"] {
            #expect(catalogue.text(forKey: "field.\(field).label") != nil)
        }
    }

    @Test func noVisibleEnglishInATemplateOutsideTheCatalogue() throws {
        let base = Self.root.appendingPathComponent("templates")
        for template in Template.allCases {
            var text = try String(contentsOf: base.appendingPathComponent(template.rawValue + ".mustache"), encoding: .utf8)
            // Mustache tags, then the attributes a person or a screen reader meets, must hold no words of their own.
            text = text.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "", options: .regularExpression)
            for attribute in ["alt", "title", "aria-label", "placeholder", "value"] {
                let regex = try NSRegularExpression(pattern: "\(attribute)=\"([^\"]*)\"")
                for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let value = String(text[Range(match.range(at: 1), in: text)!])
                    #expect(value.rangeOfCharacter(from: .letters) == nil, "\(template.rawValue): \(attribute)=\"\(value)\"")
                }
            }
            let visible = text.replacingOccurrences(of: #"<[^>]*>"#, with: " ", options: .regularExpression)
            #expect(visible.rangeOfCharacter(from: .letters) == nil,
                    "\(template.rawValue) shows: \(visible.split(whereSeparator: \.isWhitespace).joined(separator: " "))")
        }
    }

    @Test func fillsPlaceholdersFactsAndFallsBackToTheKey() throws {
        let catalogue = try Self.catalogue()
        #expect(catalogue.text(.init("lockout", ["time": "14:35"]))
            == "Too many failed attempts. Try again after 14:35 (China Standard Time).")
        #expect(catalogue.text("face.too_large") == "The photo must be smaller than \(PhotoLimits.maximumMegabytes) MB")
        #expect(catalogue.text("no.such.key") == "no.such.key")
        #expect(try Self.catalogue(.chinese).text(.init("lockout", ["time": "14:35"])).contains("北京时间14:35"))
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

    @Test func theGlossarysTermsAreTheChineseValues() throws {
        let catalogue = try Self.catalogue(.chinese)
        #expect(catalogue.text("home.login") == "登录")
        #expect(catalogue.text("login.permit_portal_link") == "持工作许可证外国人登录入口")
        #expect(catalogue.text("registration.submit") == "注册并登录")
        #expect(catalogue.text("face.submit") == "验证")
        #expect(catalogue.text("layout.logout") == "退出登录")
        #expect(catalogue.text("error.summary_title") == "出现问题")
        #expect(catalogue.text("error.title_prefix") == "错误：")
    }
}
