import Foundation

/// The guide's password rule (8–16 characters, at least two kinds of character) plus what keeps
/// a password from being guessed: not among the most common, not built from the holder's own details.
public struct PasswordPolicy: Sendable {
    public static let length = 8...16
    public static let minimumNamePartLength = 4

    private let commonPasswords: Set<String>

    public init(commonPasswords: Set<String>) {
        self.commonPasswords = commonPasswords
    }

    /// The policy with the list shipped in this module (10,000 most common passwords, lower case).
    public static func bundled() throws -> PasswordPolicy {
        guard let url = Bundle.module.url(forResource: "common-passwords", withExtension: "txt") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let words = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        return PasswordPolicy(commonPasswords: Set(words.map { $0.lowercased() }))
    }

    /// The first rule `password` breaks, in the order a person fixes them, or nil when it is acceptable.
    public func problem(with password: String, permitNumber: String, fullName: String) -> UserMessage? {
        if password.isEmpty { return UserMessage("password.missing") }
        if !Self.length.contains(password.count) { return UserMessage("password.length") }
        if Self.characterKinds(in: password) < 2 { return UserMessage("password.kinds") }
        let lowered = password.lowercased()
        if commonPasswords.contains(lowered) { return UserMessage("password.common") }
        let permit = TextLimits.identifier(permitNumber).lowercased()
        if !permit.isEmpty && lowered.contains(permit) { return UserMessage("password.contains_permit") }
        if Self.nameParts(of: fullName).contains(where: { lowered.contains($0) }) {
            return UserMessage("password.contains_name")
        }
        return nil
    }

    /// How many of: upper case, lower case, digits, other symbols.
    static func characterKinds(in password: String) -> Int {
        var kinds = Set<Int>()
        for character in password {
            if character.isUppercase { kinds.insert(0) }
            else if character.isLowercase { kinds.insert(1) }
            else if character.isNumber { kinds.insert(2) }
            else { kinds.insert(3) }
        }
        return kinds.count
    }

    /// Lower-cased parts of a name long enough to matter ("Ng" and "Li" are too short to forbid).
    static func nameParts(of fullName: String) -> [String] {
        fullName.lowercased()
            .split(whereSeparator: { !$0.isLetter })
            .map(String.init)
            .filter { $0.count >= minimumNamePartLength }
    }
}
