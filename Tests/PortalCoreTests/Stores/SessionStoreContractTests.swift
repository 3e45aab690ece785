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
}
