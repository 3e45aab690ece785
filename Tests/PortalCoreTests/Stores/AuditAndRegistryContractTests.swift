import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct AuditLogContractTests {
    @Test(arguments: StoreImplementation.allCases)
    func eventsReadBackInOrderByAccountAndByKind(_ implementation: StoreImplementation) throws {
        // Given events for two accounts and one without an account
        let store = try implementation.make()
        let failed = AuditEvent(.loginFailed, at: Fixtures.now, accountID: 1, remoteAddress: "203.0.113.9")
        let locked = AuditEvent(.accountLocked, at: Fixtures.now.addingTimeInterval(1), accountID: 1)
        let other = AuditEvent(.loginFailed, at: Fixtures.now, accountID: 2)
        let anonymous = AuditEvent(.registered, at: Fixtures.now, subject: Fixtures.anna, detail: "note")
        for event in [failed, other, locked, anonymous] { try store.audit.append(event) }
        // Then each query returns its events, whole and in the order they were appended
        #expect(try store.audit.events(accountID: 1) == [failed, locked])
        #expect(try store.audit.events(kind: .loginFailed) == [failed, other])
        #expect(try store.audit.events(kind: .registered) == [anonymous])
    }
}

@Suite struct RegistryStoreContractTests {
    @Test(arguments: StoreImplementation.allCases)
    func importingTwiceChangesNothingAndCancellingKeepsTheReason(_ implementation: StoreImplementation) throws {
        let store = try implementation.make()
        let importer = RegistryImporter(store: store.registry)
        try importer.importFile(Fixtures.permitsCSV, as: .permits)
        let first = try store.registry.permit(number: Fixtures.anna)
        try importer.importFile(Fixtures.permitsCSV, as: .permits)
        #expect(try store.registry.permit(number: Fixtures.anna) == first)
        try store.registry.cancelPermit(number: Fixtures.anna, reason: "Left the employer")
        let canceled = try #require(try store.registry.permit(number: Fixtures.anna))
        #expect(canceled.status == .canceled && canceled.cancellationReason == "Left the employer")
        #expect(throws: RegistryError.unknownPermit("WP2026999999")) {
            try store.registry.cancelPermit(number: "WP2026999999", reason: "x")
        }
    }

    @Test(arguments: StoreImplementation.allCases)
    func cardsAreFoundByEitherNumber(_ implementation: StoreImplementation) throws {
        let store = try implementation.make()
        try RegistryImporter(store: store.registry).importFile(Fixtures.cardsCSV, as: .ssCards)
        #expect(try store.registry.socialSecurityCard(permitNumber: Fixtures.john)?.ssNumber == Fixtures.johnSSNumber)
        #expect(try store.registry.socialSecurityCard(ssNumber: Fixtures.johnSSNumber)?.permitNumber == Fixtures.john)
        #expect(try store.registry.socialSecurityCard(permitNumber: Fixtures.anna) == nil)
    }
}
