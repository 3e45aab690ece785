/// Sends each route and method to its controller: one exhaustive switch, so a new route cannot be forgotten.
struct Router: Sendable {
    let home: HomeController
    let login: LoginController
    let registration: RegistrationController
    let face: FaceController
    let card: CardController
    let logout: LogoutController

    func respond(to route: Route, isPost: Bool, _ context: RequestContext) throws -> WebResponse {
        switch (route, isPost) {
        case (.home, _): return home.show(context)
        case (.login, false): return try login.show(.socialSecurity, context)
        case (.login, true): return try login.submit(.socialSecurity, context)
        case (.permitLogin, false): return try login.show(.workPermit, context)
        case (.permitLogin, true): return try login.submit(.workPermit, context)
        case (.registration, false): return try registration.show(context)
        case (.registration, true): return try registration.submit(context)
        case (.faceRecognition, false): return try face.show(context)
        case (.faceRecognition, true): return try face.submit(context)
        case (.card, _): return try card.show(context)
        case (.logout, _): return try logout.submit(context)
        }
    }
}
