import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct SessionStoreContractTests {
    @Test(arguments: StoreImplementation.allCases)
    func aSessionReadsBackWithItsAccountIsTouchedAndDeleted(_ implementation: StoreImplementation) throws {
        let store = try implementation.make()
        let session = StoresUnderTest.newSession()
        let account = try store.createAccount(session: session)
        let digest = session.record.tokenDigest
        #expect(try store.sessions.session(digest: digest)?.account == account)
        try store.sessions.touch(digest: digest, at: Fixtures.now.addingTimeInterval(60))
        #expect(try store.sessions.session(digest: digest)?.lastSeenAt == Fixtures.now.addingTimeInterval(60))
        try store.sessions.delete(digest: digest)
        #expect(try store.sessions.session(digest: digest) == nil)
    }

    @Test(arguments: StoreImplementation.allCases)
    func expiredSessionsArePrunedAndEndingOneIsAudited(_ implementation: StoreImplementation) throws {
        let store = try implementation.make()
        let old = StoresUnderTest.newSession()
        let account = try store.createAccount(session: old)
        let fresh = StoresUnderTest.newSession(at: Fixtures.now.addingTimeInterval(3600))
        var record = fresh.record
        record.accountID = account.id
        try store.sessions.insert(record)
        try store.sessions.deleteExpired(idleBefore: Fixtures.now.addingTimeInterval(1), createdBefore: Fixtures.now)
        #expect(try store.sessions.session(digest: old.record.tokenDigest) == nil)
        #expect(try store.sessions.session(digest: fresh.record.tokenDigest) != nil)
        try store.sessions.end(digest: fresh.record.tokenDigest, event: AuditEvent(.loggedOut, at: Fixtures.now, accountID: account.id))
        #expect(try store.sessions.session(digest: fresh.record.tokenDigest) == nil)
        #expect(try store.audit.events(kind: .loggedOut).map(\.accountID) == [account.id])
    }

    @Test func expiredSessionsAreDeletedInBatchesUntilNoneIsLeft() throws {
        // Given seven expired sessions and a fresh one, deleted three at a time
        let store = try StoreImplementation.sqliteInMemory.make()
        let database = try #require(store.sessions as? AppDatabase)
        let account = try store.createAccount(session: StoresUnderTest.newSession())
        for minute in 1...6 {
            var record = StoresUnderTest.newSession(at: Fixtures.now.addingTimeInterval(Double(minute))).record
            record.accountID = account.id
            try store.sessions.insert(record)
        }
        var fresh = StoresUnderTest.newSession(at: Fixtures.now.addingTimeInterval(3600)).record
        fresh.accountID = account.id
        try store.sessions.insert(fresh)
        // When the expired ones are pruned in batches of three (3 + 3 + 1)
        try database.deleteExpired(idleBefore: Fixtures.now.addingTimeInterval(60), createdBefore: Fixtures.now, batch: 3)
        // Then every expired one is gone and the fresh one stays
        let left = try database.read { db in try String.fetchAll(db, sql: "SELECT token_digest FROM sessions") }
        #expect(left == [fresh.tokenDigest])
    }
}
