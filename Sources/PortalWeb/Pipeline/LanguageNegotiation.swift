import PortalCore

/// Which language a request is answered in: the one chosen with the links (the `lang` cookie), else the first
/// the browser asks for that the portal speaks (`Accept-Language`, by weight), else English. Any `zh` tag
/// (zh, zh-CN, zh-Hans, zh-TW…) reads the Simplified Chinese pages, the only Chinese the portal has.
enum LanguageNegotiation {
    static func language(for request: WebRequest) -> Language {
        if let chosen = request.cookie(Cookie.languageName).flatMap(Language.init(rawValue:)) { return chosen }
        return request.headers[.acceptLanguage].flatMap(preferred(in:)) ?? .english
    }

    /// The best-weighted language of an `Accept-Language` value that the portal has; ties go to the first listed.
    static func preferred(in header: String) -> Language? {
        var best: (language: Language, weight: Double)?
        for item in header.split(separator: ",").prefix(20) {
            let parts = item.split(separator: ";")
            let tag = parts.first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            let primary = tag.split(separator: "-").first.map(String.init) ?? ""
            guard let language = Language(rawValue: primary) else { continue }
            let weight = parts.dropFirst().lazy.compactMap(Self.weight(of:)).first ?? 1
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }

    private static func weight(of parameter: Substring) -> Double? {
        let pair = parameter.split(separator: "=", maxSplits: 1)
        guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "q" else { return nil }
        return Double(pair[1].trimmingCharacters(in: .whitespaces)).map { min(max($0, 0), 1) }
    }
}
