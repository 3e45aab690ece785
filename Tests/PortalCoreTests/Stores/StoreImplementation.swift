import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

/// Every implementation of the store protocols. Each contract suite is written once against `PortalStores` and
/// runs against all of these (PostgreSQL joins this list when it is built).
enum StoreImplementation: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqliteInMemory
    case sqliteOnDisk

    var testDescription: String { rawValue }

    func make() throws -> StoresUnderTest {
        switch self {
        case .sqliteInMemory:
            return StoresUnderTest(stores: try AppDatabase.inMemory().stores, folder: nil)
        case .sqliteOnDisk:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stores-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let database = try AppDatabase.onDisk(path: folder.appendingPathComponent("portal.sqlite").path)
            return StoresUnderTest(stores: database.stores, folder: folder)
        }
    }
}

/// The stores of one test, with the registry fixtures loaded; an on-disk database's folder goes when it does.
final class StoresUnderTest: Sendable {
    let stores: PortalStores
    private let folder: URL?

    init(stores: PortalStores, folder: URL?) {
        self.stores = stores
        self.folder = folder
    }

    deinit {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    var accounts: any AccountStore { stores.accounts }
    var attempts: any AttemptStore { stores.attempts }
    var sessions: any SessionStore { stores.sessions }
    var registry: any RegistryStore { stores.registry }
    var audit: any AuditLog { stores.audit }

    /// A new account for `permit` waiting for facial recognition, created as registration creates it.
    @discardableResult
    func createAccount(_ permit: String = Fixtures.anna, state: Account.State = .pendingFace,
                       session: NewSession = newSession()) throws -> Account {
        let account = Account(permitNumber: permit, fullName: "ANNA SCHMIDT", passwordHash: "$argon2id$stub",
                              state: state, createdAt: Fixtures.now)
        return try accounts.create(account, session: session, event: AuditEvent(.registered, at: Fixtures.now, subject: permit))
    }

    static func newSession(at date: Date = Fixtures.now) -> NewSession {
        let token = SecureToken.generate()
        return NewSession(token: token, record: Session(tokenDigest: SecureToken.digest(token), accountID: nil,
                                                         createdAt: date, lastSeenAt: date))
    }
}
