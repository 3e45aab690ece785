import Foundation
import HTTPTypes
import PortalCore
import PortalTestSupport
@testable import PortalWeb

/// The web application on a fresh in-memory database, with a browser-like cookie jar, driven without a socket.
final class TestPortal: @unchecked Sendable {
    static let templates = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("templates").path

    let database: AppDatabase
    /// The data folder of the development adapters (the SMS outbox), removed with the portal.
    let dataDirectory: URL
    let clock = ManualClock()
    let app: PortalApplication
    var cookies: [String: String] = [:]
    let logged = LockedLines()

    init() throws {
        database = try AppDatabase.inMemory()
        var cheap = PasswordHasher.Parameters()
        cheap.memoryKiB = 1024  // fast hashing in tests; the real cost is measured by the benchmark
        cheap.iterations = 1
        let hasher = PasswordHasher(parameters: cheap, gate: HashingGate(concurrentHashes: 2))
        dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("portal-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        let renderer = try PageRenderer(templatesDirectory: Self.templates)
        let services = try PortalServices(
            stores: database.stores, outside: .development(dataDirectory: dataDirectory, registry: database),
            hasher: hasher, policy: try PasswordPolicy.bundled(), clock: clock, secret: ServerSecret.random(),
            smsTexts: CatalogueSmsTexts(renderer: renderer), qrSigner: .random(),
            reminderTexts: CatalogueSmsTexts(renderer: renderer))
        let lines = logged
        app = PortalApplication(services: services, renderer: renderer,
                                log: { lines.append($0) })
        try RegistryImporter(store: database).importFile(Fixtures.permitsCSV, as: .permits)
        try RegistryImporter(store: database).importFile(Fixtures.cardsCSV, as: .ssCards)
    }

    deinit {
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// Sends a request the way a browser would, keeping the cookies it is given (a cleared one is forgotten).
    @discardableResult
    func send(_ method: String, _ path: String, body: [UInt8] = [], contentType: String? = nil,
              headers extra: HTTPFields = [:]) -> WebResponse {
        var headers = extra
        if !cookies.isEmpty {
            headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if let contentType { headers[.contentType] = contentType }
        let response = app.respond(to: WebRequest(method: HTTPRequest.Method(method)!, path: path, headers: headers,
                                                  body: body, remoteAddress: "127.0.0.1"))
        for setCookie in response.headerValues("Set-Cookie") {
            guard let pair = setCookie.split(separator: ";").first, let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            cookies[name] = value.isEmpty || setCookie.contains("Max-Age=0") ? nil : value
        }
        return response
    }

    /// The session cookie's token, if the browser holds one.
    var cookie: String? {
        get { cookies[Cookie.sessionName] }
        set { cookies[Cookie.sessionName] = newValue }
    }

    func get(_ path: String) -> WebResponse { send("GET", path) }

    /// GETs the page, then posts `fields` with the page's CSRF token.
    @discardableResult
    func submit(_ path: String, _ fields: [String: String]) -> WebResponse {
        let page = get(path)
        var all = fields
        all["csrf_token"] = Self.csrfToken(in: page)
        return post(path, all)
    }

    func post(_ path: String, _ fields: [String: String]) -> WebResponse {
        let body = fields.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return send("POST", path, body: Array(body.utf8), contentType: "application/x-www-form-urlencoded")
    }

    static func csrfToken(in response: WebResponse) -> String? {
        let html = String(decoding: response.body, as: UTF8.self)
        guard let range = html.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}

extension WebResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// Log lines collected from worker threads.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
