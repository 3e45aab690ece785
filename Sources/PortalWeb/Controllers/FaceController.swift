import PortalCore

/// Facial recognition (guide section 2, step 5): a still from the webcam or a chosen photo.
struct FaceController: Sendable {
    let pages: PageResponder
    let face: FaceVerificationService

    func show(_ context: RequestContext) throws -> WebResponse {
        guard let account = context.account else { return .redirect(to: .permitLogin) }
        guard account.state == .pendingFace else { return .redirect(to: .card) }
        return try pages.respond(page(form()), in: context)
    }

    func submit(_ context: RequestContext) throws -> WebResponse {
        guard let account = context.account else { return .redirect(to: .permitLogin) }
        let photo = context.form.files["face_image"]?.bytes ?? []
        do {
            _ = try face.verify(accountID: account.id, photo: photo, remoteAddress: context.request.remoteAddress)
            return .redirect(to: .card)
        } catch let error as FaceVerificationError {
            return try pages.respond(page(form().showing([("face_image", error.message)])), in: context)
        }
    }

    private func form() -> FormView {
        FormView(fields: [.init("face_image", type: "file", accept: "image/jpeg,image/png")])
    }

    private func page(_ form: FormView) -> Page {
        Page(template: "registration/face", titleKey: "face.title", form: form,
             values: ["action": Route.faceRecognition.path])
    }
}
