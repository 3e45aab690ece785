import Foundation

/// Why a login was refused. Wrong number and wrong password are one case, so the page cannot tell
/// a stranger which numbers have accounts.
public enum LoginError: Error, Sendable, Equatable {
    public enum Field: String, Sendable, Hashable {
        case permitNumber = "permit_number"
        case ssNumber = "ss_number"
        case password
    }

    case invalid([FieldProblem<Field>])
    case incorrect
    case locked(until: Date)

    public var message: UserMessage {
        switch self {
        case .invalid(let problems): problems.first?.message ?? UserMessage("error.internal")
        case .incorrect: UserMessage("login.incorrect")
        case .locked(let until): UserMessage("lockout", ["time": ChinaTime.clockTime(until)])
        }
    }
}
