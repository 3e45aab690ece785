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
    case realNameChoice = "real-name/choice"
    case realNameForm = "real-name/form"
    case smsCode = "sms/code"
    case smsOutbox = "development/sms"
    case changePassword = "password/change"
    case passwordChanged = "password/changed"
    case forgotPassword = "password/forgot"
    case newPassword = "password/new"
    case passwordReset = "password/reset-done"
    case hrServices = "services/hr"
    case talentAffairs = "services/talent-affairs"
    case permitNumber = "services/permit-number"
    case pin = "permit/pin"
    case permit = "permit/show"
    case verification = "verify/show"
    case reminders = "reminders/list"
    case error = "errors/error"
}
