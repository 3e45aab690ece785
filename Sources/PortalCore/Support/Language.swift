/// The languages the portal speaks. The raw value is what the `lang` cookie and the language links carry.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case english = "en"
    case chinese = "zh"

    /// The BCP 47 tag for `<html lang>` and `hreflang`: the portal writes Simplified Chinese.
    public var tag: String {
        switch self {
        case .english: "en"
        case .chinese: "zh-Hans"
        }
    }

    /// The language's name in itself, as the switch links show it.
    public var ownName: String {
        switch self {
        case .english: "English"
        case .chinese: "中文"
        }
    }
}
