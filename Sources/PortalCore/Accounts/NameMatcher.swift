/// The guide's "the name must be the same as in your passport", forgiving only case and spacing.
public enum NameMatcher {
    public static func matches(typed: String, registered: String) -> Bool {
        normalized(typed) == normalized(registered)
    }

    static func normalized(_ name: String) -> String {
        TextLimits.collapsingSpaces(name).uppercased()
    }
}
