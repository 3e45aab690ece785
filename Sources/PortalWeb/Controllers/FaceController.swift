import PortalCore

/// Facial recognition (guide section 2, step 5): a still from the webcam or a chosen photo.
struct FaceController: Sendable {
    struct Page: PageContent {
        let form: FormView?
        let action = Route.faceRecognition.path
        var template: Template { .faceRecognition }
        var title: UserMessage { UserMessage("face.title") }
    }

    let pages: PageResponder
    let face: FaceVerificationService

    func show(_ context: AccountContext) throws -> WebResponse {
        try pages.respond(Page(form: form()), in: context.base)
    }

    func submit(_ context: AccountContext) throws -> WebResponse {
        let photo = context.form.files["face_image"]?.bytes ?? []
        do {
            let state = try face.verify(accountID: context.account.id, photo: photo,
                                        remoteAddress: context.request.remoteAddress)
            return .redirect(to: Route.landing(for: state))
        } catch let error as FaceVerificationError {
            return try pages.respond(Page(form: form().showing([("face_image", error.message)])), in: context.base)
        }
    }

    private func form() -> FormView {
        FormView(fields: [.facePhoto])
    }
}

/// What nginx lets through to the face page: the largest photo allowed plus room for the multipart wrapping.
enum FaceUpload {
    static let maximumBodyBytes = PhotoLimits.maximumBytes + (1 << 20)
}
