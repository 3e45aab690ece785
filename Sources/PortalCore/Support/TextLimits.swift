/// Normalisation shared by every text a user or a registry file supplies.
public enum TextLimits {
    /// The longest free text accepted in one field; longer input is refused, not cut.
    public static let maximumFieldLength = 200

    /// Trims surrounding white space and folds runs of white space into one space.
    public static func collapsingSpaces(_ text: String) -> String {
        // Most values (a million-row import's) are plain ASCII already folded: no need to split them.
        if isFoldedASCII(text.utf8) { return text }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Printable ASCII with single spaces between words and none at the ends.
    static func isFoldedASCII(_ bytes: String.UTF8View) -> Bool {
        var previousWasSpace = true
        for byte in bytes {
            if byte == 0x20 {
                if previousWasSpace { return false }
                previousWasSpace = true
            } else {
                guard byte > 0x20, byte < 0x7F else { return false }
                previousWasSpace = false
            }
        }
        return !previousWasSpace || bytes.isEmpty
    }

    /// An identifier (permit, card, passport number) as registries store it: no spaces, upper case.
    public static func identifier(_ text: String) -> String {
        if text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) }) { return text }
        return String(text.filter { !$0.isWhitespace }).uppercased()
    }
}
