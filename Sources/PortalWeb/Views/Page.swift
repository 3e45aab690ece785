/// What a controller asks the renderer for: a template, its title and the values it shows.
public struct Page: @unchecked Sendable {
    // @unchecked: `values` holds only strings, booleans, arrays and dictionaries of them.
    public var template: String
    public var titleKey: String
    public var form: FormView?
    public var values: [String: Any]
    var csrfToken: String?
    var signedIn = false

    public init(template: String, titleKey: String, form: FormView? = nil, values: [String: Any] = [:]) {
        self.template = template
        self.titleKey = titleKey
        self.form = form
        self.values = values
    }
}
