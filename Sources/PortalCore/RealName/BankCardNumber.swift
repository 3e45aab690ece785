/// A domestic UnionPay card number as the bank-card form accepts it: 16 to 19 digits (spaces allowed), a valid
/// Luhn check digit and the UnionPay prefix 62.
public enum BankCardNumber {
    public static let lengths = 16...19
    public static let unionPayPrefix = "62"

    public enum Problem: Error, Equatable, Sendable { case missing, format, checkDigit, notUnionPay }

    /// The digits, or the first rule the typed number breaks.
    public static func normalized(_ typed: String) -> Result<String, Problem> {
        let digits = typed.filter { !$0.isWhitespace }
        guard !digits.isEmpty else { return .failure(.missing) }
        guard lengths.contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return .failure(.format)
        }
        guard hasValidCheckDigit(digits) else { return .failure(.checkDigit) }
        guard digits.hasPrefix(unionPayPrefix) else { return .failure(.notUnionPay) }
        return .success(digits)
    }

    /// The Luhn (mod 10) check over ASCII digits.
    public static func hasValidCheckDigit(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
