import PortalCore

/// What one page shows: each page has its own struct, whose stored properties are the values its template names
/// (`fullName` is `{{fullName}}`; a `UserMessage` is shown as its sentence in the page's language).
public protocol PageContent: Sendable {
    var template: Template { get }
    var title: UserMessage { get }
    /// The page's form, whose fields, values and problems the renderer lays out; nil for pages without one.
    var form: FormView? { get }
    /// The template's values: by default every stored property, read by `PageValues`; the most viewed pages
    /// list theirs by hand, which saves the reflection on every view.
    func values(in messages: MessageCatalogue) -> [String: Any]
}

extension PageContent {
    public var form: FormView? { nil }

    public func values(in messages: MessageCatalogue) -> [String: Any] {
        PageValues.of(self, messages: messages)
    }
}

/// What every page around its content shows: the language, the links to switch it (back to `route`), the CSRF
/// token of its forms and the Log out button.
public struct PageChrome: Sendable {
    public var language: Language
    public var route: Route
    public var csrfToken: String?
    public var signedIn: Bool
    /// Unread reminders of the signed-in account (the `Reminders` link's count).
    public var unreadReminders: Int

    public init(language: Language, route: Route, csrfToken: String? = nil, signedIn: Bool = false,
                unreadReminders: Int = 0) {
        self.language = language
        self.route = route
        self.csrfToken = csrfToken
        self.signedIn = signedIn
        self.unreadReminders = unreadReminders
    }
}
