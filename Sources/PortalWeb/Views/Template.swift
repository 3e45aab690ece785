/// Every template of the portal, named by its path under `templates/` without `.mustache`. All are loaded and
/// checked at start-up, and a file the list does not name stops the start too, so this is the one list.
public enum Template: String, CaseIterable, Sendable {
    case layout
    case field = "partials/field"
    case home
    case socialSecurityLogin = "login/social-security"
    case permitLogin = "login/permit"
    case registration = "registration/form"
    case faceRecognition = "registration/face"
    case card = "card/show"
    case error = "errors/error"
}
