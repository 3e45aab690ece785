/// A problem with one field of a form, in the order the form shows its fields.
public struct FieldProblem<Field: Hashable & Sendable>: Sendable, Hashable {
    public let field: Field
    public let message: UserMessage

    public init(_ field: Field, _ message: UserMessage) {
        self.field = field
        self.message = message
    }
}
