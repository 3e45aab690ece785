/// A mainland China mobile number: 11 digits starting with 1, typed with or without +86 / 0086, spaces or hyphens.
public enum MainlandPhone {
    public enum Problem: Error, Equatable, Sendable { case missing, format }

    public static func normalized(_ typed: String) -> Result<String, Problem> {
        var digits = typed.filter { !$0.isWhitespace && $0 != "-" }
        guard !digits.isEmpty else { return .failure(.missing) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        guard digits.count == 11, digits.first == "1", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(.format)
        }
        return .success(digits)
    }

    /// `138****0002`: enough for the holder to recognise their phone, not enough for anyone else.
    public static func masked(_ phone: String) -> String {
        guard phone.count == 11 else { return phone }
        return phone.prefix(3) + "****" + phone.suffix(4)
    }
}
