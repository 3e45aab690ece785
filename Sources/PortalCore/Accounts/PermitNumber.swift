/// What a typed work-permit number must look like before the registry is asked about it.
public enum PermitNumber {
    /// As typed, normalised the way the registry stores it; nil when it cannot be a permit number.
    public static func normalized(_ typed: String) -> String? {
        let value = TextLimits.identifier(typed)
        guard (6...20).contains(value.count), value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            return nil
        }
        return value
    }

    /// Every character hidden but the last four, as the card page shows the permit number and the permit page the
    /// passport number.
    public static func masked(_ number: String) -> String {
        String(repeating: "*", count: max(0, number.count - 4)) + number.suffix(4)
    }
}
