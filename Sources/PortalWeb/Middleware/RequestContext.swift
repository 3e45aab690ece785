import Foundation
import PortalCore

/// A request with what the middleware learned about it: its live session, the signed-in account,
/// and (for POSTs) the decoded form.
public struct RequestContext: Sendable {
    public let request: WebRequest
    /// The cookie's token, present only when it names a live session.
    public let sessionToken: String?
    public let session: Session?
    public let account: Account?
    public let form: FormData

    public init(request: WebRequest, sessionToken: String?, session: Session?, account: Account?,
                form: FormData = FormData()) {
        self.request = request
        self.sessionToken = sessionToken
        self.session = session
        self.account = account
        self.form = form
    }

    /// The typed values worth showing again on a re-rendered form (secrets are left out by the form itself).
    public var typedValues: [String: String] {
        Dictionary(uniqueKeysWithValues: form.values.keys.map { ($0, form.text($0)) })
    }
}
