/// Sends each route to its controller: one exhaustive switch, so a new route cannot be forgotten. The pipeline
/// has already checked method, access and CSRF; `holder()` hands over the signed-in account that access promised.
struct Router: Sendable {
    let home: HomeController
    let login: LoginController
    let registration: RegistrationController
    let face: FaceController
    let card: CardController
    let logout: LogoutController
    let languages: LanguageController

    func respond(_ context: RequestContext) throws -> WebResponse {
        let posted = context.request.method == .post
        switch context.route {
        case .home: return try home.show(context)
        case .login: return try posted ? login.submit(.socialSecurity, context) : login.show(.socialSecurity, context)
        case .permitLogin: return try posted ? login.submit(.workPermit, context) : login.show(.workPermit, context)
        case .registration: return try posted ? registration.submit(context) : registration.show(context)
        case .faceRecognition:
            let holder = try context.holder()
            return try posted ? face.submit(holder) : face.show(holder)
        case .card: return try card.show(context.holder())
        case .logout: return try logout.submit(context)
        case .language(let language, let target): return languages.choose(language, returningTo: target, context)
        }
    }
}
