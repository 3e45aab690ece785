/// Normalisation shared by every text a user or a registry file supplies.
public enum TextLimits {
    /// The longest free text accepted in one field; longer input is refused, not cut.
    public static let maximumFieldLength = 200

    /// Trims surrounding white space and folds runs of white space into one space.
    public static func collapsingSpaces(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// An identifier (permit, card, passport number) as registries store it: no spaces, upper case.
    public static func identifier(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace }).uppercased()
    }
}
