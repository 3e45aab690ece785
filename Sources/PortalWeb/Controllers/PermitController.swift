import Foundation
import PortalCore
import PortalDocuments

/// The permit's information with a QR code to show at the Exit-Entry Administration (guide section 4, (1)), and
/// the QR image itself. After expiry or cancellation the page says why and offers no code.
struct PermitController: Sendable {
    struct Page: PageContent {
        let fullName, permitNumber, passportMasked, nationality, dateOfBirth, employer, position,
            workLocation, issueDate, validUntil: String
        let status: UserMessage
        let daysLeft: UserMessage?
        let usable: Bool
        let unavailable: UserMessage?
        let qrSource: String?
        let qrAlt: UserMessage
        let qrValidity: UserMessage
        let refreshAction = Route.permit.path
        let downloadHref = Route.letter(inline: false).path
        let openHref = Route.letter(inline: true).path
        /// How often public/js/qr-refresh.js reloads the page before the code runs out (it stops before the PIN's
        /// five-minute unlock would, so an open page does not keep the services unlocked).
        let refreshSeconds = String(Int(PermitToken.lifetime) - 10)
        let changePinHref = Route.changePin.path
        let publicKeyHref = Route.qrPublicKey.path
        var template: Template { .permit }
        var title: UserMessage { UserMessage("permit.title") }
    }

    let pages: PageResponder
    let services: PermitServicesService
    let qr: QRVerification
    let clock: any PortalClock

    func show(_ context: AccountContext) throws -> WebResponse {
        let permit = try services.permit(of: context.account)
        let today = CalendarDay(containing: clock.now())
        let standing = permit.standing(on: today)
        let token = standing.isUsable ? qr.issue(for: permit).token : nil
        let page = Page(
            fullName: permit.fullName, permitNumber: permit.number,
            passportMasked: PermitNumber.masked(permit.passportNumber),
            nationality: permit.nationality, dateOfBirth: permit.dateOfBirth.description,
            employer: permit.employer, position: permit.position, workLocation: permit.workLocation,
            issueDate: permit.issueDate.description, validUntil: permit.validUntil.description,
            status: Self.status(standing),
            daysLeft: standing.isUsable ? UserMessage("permit.days_left", ["days": String(today.days(until: permit.validUntil))]) : nil,
            usable: standing.isUsable, unavailable: Self.unavailable(standing, permit),
            qrSource: token.map { Route.permitQR(token: $0).path },
            qrAlt: UserMessage("permit.qr_alt"),
            qrValidity: UserMessage("permit.qr_validity", ["seconds": String(Int(PermitToken.lifetime))]))
        return try pages.respond(page, in: context.base)
    }

    /// The SVG of a live token of this holder's permit; 404 for any other (expired, someone else's, forged).
    func image(_ token: String, _ context: AccountContext, verifyURL: String) throws -> WebResponse {
        let permit = try services.permit(of: context.account)
        guard permit.standing(on: CalendarDay(containing: clock.now())).isUsable,
              qr.token(token, belongsTo: permit.number) else { throw PipelineError.notFound }
        let code = try QRCode(verifyURL + Route.verifyQR(token: token).path)
        return WebResponse(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "no-store"],
                           body: Array(code.svg().utf8))
    }

    /// The Notification Letter of Work Permit for Foreigners, in Chinese and English, never cached.
    func letter(inline: Bool, _ context: AccountContext, serviceURL: String) throws -> WebResponse {
        let permit = try services.permit(of: context.account)
        guard permit.standing(on: CalendarDay(containing: clock.now())).isUsable else { throw PipelineError.notFound }
        let zh = pages.renderer.messages(.chinese), en = pages.renderer.messages(.english)
        func line(_ key: String, _ value: String) -> NotificationLetter.Line {
            .init("\(zh.text(key)) / \(en.text(key))", value)
        }
        let letter = NotificationLetter(
            chineseHeading: zh.text("letter.heading"), englishHeading: en.text("letter.heading"),
            lines: [line("permit.holder", permit.fullName), line("card.permit_number", permit.number),
                    line("permit.passport", permit.passportNumber), line("permit.nationality", permit.nationality),
                    line("permit.date_of_birth", permit.dateOfBirth.description), line("letter.sex", permit.sex),
                    line("permit.employer", permit.employer), line("permit.position", permit.position),
                    line("permit.work_location", permit.workLocation), line("permit.issue_date", permit.issueDate.description),
                    line("permit.valid_until", permit.validUntil.description)],
            serviceURL: serviceURL + "/", qrCaption: "\(zh.text("letter.qr")) / \(en.text("letter.qr"))")
        let disposition = "\(inline ? "inline" : "attachment"); filename=\"notification-letter-\(permit.number).pdf\""
        return WebResponse(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: disposition,
                                                  .cacheControl: "no-store"], body: try letter.pdf())
    }

    static func status(_ standing: PermitStanding) -> UserMessage {
        switch standing {
        case .valid: UserMessage("permit.status.valid")
        case .expiringSoon: UserMessage("permit.status.expiring")
        case .expired: UserMessage("permit.status.expired")
        case .canceled: UserMessage("permit.status.canceled")
        }
    }

    static func unavailable(_ standing: PermitStanding, _ permit: Permit) -> UserMessage? {
        switch standing {
        case .valid, .expiringSoon: nil
        case .expired: UserMessage("permit.unavailable.expired", ["date": permit.validUntil.description])
        case .canceled:
            if let day = permit.canceledOn {
                UserMessage("permit.unavailable.canceled_on", ["date": day.description, "reason": permit.cancellationReason ?? "—"])
            } else {
                UserMessage("permit.unavailable.canceled", ["reason": permit.cancellationReason ?? "—"])
            }
        }
    }
}

/// The page an officer's scan opens: `Valid` with only the name, permit number, status and validity, or
/// `Expired`, `Already used`, `Not valid`; and the public key for checking tokens offline.
struct VerificationController: Sendable {
    struct Page: PageContent {
        let heading: UserMessage
        let valid: Bool
        let fullName: String?
        let permitNumber: String?
        let validUntil: String?
        let status: UserMessage?
        var template: Template { .verification }
        var title: UserMessage { heading }
    }

    let pages: PageResponder
    let qr: QRVerification

    func verify(_ token: String, _ context: RequestContext) throws -> WebResponse {
        let page: Page
        switch try qr.verify(token) {
        case .valid(let permit):
            page = Page(heading: UserMessage("verify.valid"), valid: true, fullName: permit.fullName,
                        permitNumber: permit.number, validUntil: permit.validUntil.description,
                        status: UserMessage("permit.status.valid"))
        case .expired: page = Page(heading: UserMessage("verify.expired"), valid: false, fullName: nil, permitNumber: nil, validUntil: nil, status: nil)
        case .alreadyUsed: page = Page(heading: UserMessage("verify.used"), valid: false, fullName: nil, permitNumber: nil, validUntil: nil, status: nil)
        case .notValid: page = Page(heading: UserMessage("verify.not_valid"), valid: false, fullName: nil, permitNumber: nil, validUntil: nil, status: nil)
        }
        return try pages.respond(page, in: context)
    }

    /// The Ed25519 public key (raw 32 bytes, base64url) that checks a token's signature offline.
    func publicKey() -> WebResponse {
        WebResponse(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "max-age=3600"],
                    body: Array("\(qr.publicKey)\n".utf8))
    }
}
