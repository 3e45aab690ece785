/// What a person types on the registration page.
public struct RegistrationForm: Sendable {
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case fullName = "full_name"
        case permitNumber = "permit_number"
        case password
        case passwordConfirm = "password_confirm"
    }

    public var fullName: String
    public var permitNumber: String
    public var password: String
    public var passwordConfirm: String

    public init(fullName: String, permitNumber: String, password: String, passwordConfirm: String) {
        self.fullName = fullName
        self.permitNumber = permitNumber
        self.password = password
        self.passwordConfirm = passwordConfirm
    }
}

/// Why a registration was refused.
public enum RegistrationError: Error, Sendable, Equatable {
    case invalid([FieldProblem<RegistrationForm.Field>])
}
