import PortalCore

/// A form as shown: its fields in order, what the user typed (never secrets), and the problems found.
public struct FormView: Sendable {
    /// How one input is drawn.
    public struct Field: Sendable {
        public var name: String
        public var type = "text"
        public var autocomplete: String?
        public var inputMode: String?
        /// Secrets are never sent back to the browser.
        public var keepsValue = true
        public var accept: String?
        public var width = "20"

        /// A password field: never sent back to the browser.
        static func secret(_ name: String, autocomplete: String) -> Field {
            Field(name, type: "password", autocomplete: autocomplete, keepsValue: false)
        }

        /// The face photo of facial recognition (registration and password reset).
        static let facePhoto = Field("face_image", type: "file", accept: "image/jpeg,image/png")

        public init(_ name: String, type: String = "text", autocomplete: String? = nil, inputMode: String? = nil,
                    keepsValue: Bool = true, accept: String? = nil, width: String = "20") {
            self.name = name
            self.type = type
            self.autocomplete = autocomplete
            self.inputMode = inputMode
            self.keepsValue = keepsValue
            self.accept = accept
            self.width = width
        }
    }

    public var fields: [Field]

    /// The new password and its confirmation, as registration, change and reset ask for them.
    static let newPasswordFields: [Field] = [.secret("password", autocomplete: "new-password"),
                                             .secret("password_confirm", autocomplete: "new-password")]
    public var values: [String: String]
    public var errors: [(field: String, message: UserMessage)]

    public init(fields: [Field], values: [String: String] = [:], errors: [(field: String, message: UserMessage)] = []) {
        self.fields = fields
        self.values = values
        self.errors = errors
    }

    /// The same form showing `problems` beside their fields and in the summary.
    public func showing<Key: RawRepresentable>(_ problems: [FieldProblem<Key>]) -> FormView
    where Key.RawValue == String {
        showing(problems.map { ($0.field.rawValue, $0.message) })
    }

    /// The same form showing problems the domain names by field name (the services' errors).
    public func showing(_ problems: [FieldProblem<String>]) -> FormView {
        showing(problems.map { ($0.field, $0.message) })
    }

    public func showing(_ problems: [(field: String, message: UserMessage)]) -> FormView {
        var copy = self
        copy.errors = problems
        return copy
    }

    func context(for field: Field, messages: MessageCatalogue) -> [String: Any] {
        var context: [String: Any] = [
            "name": field.name, "type": field.type, "width": field.width,
            "label": messages.text("field.\(field.name).label"),
        ]
        var describedBy: [String] = []
        if let hint = messages.text(forKey: "field.\(field.name).hint") {
            context["hint"] = hint
            describedBy.append("\(field.name)-hint")
        }
        if let error = errors.first(where: { $0.field == field.name }) {
            context["error"] = messages.text(error.message)
            describedBy.append("\(field.name)-error")
        }
        if !describedBy.isEmpty { context["describedby"] = describedBy.joined(separator: " ") }
        if field.keepsValue, let value = values[field.name] { context["value"] = value }
        if let autocomplete = field.autocomplete { context["autocomplete"] = autocomplete }
        if let inputMode = field.inputMode { context["inputmode"] = inputMode }
        if let accept = field.accept { context["accept"] = accept }
        return context
    }
}
