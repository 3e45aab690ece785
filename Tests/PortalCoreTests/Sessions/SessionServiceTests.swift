import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct SessionServiceTests {
    private let minute: TimeInterval = 60

    @Test func aSessionIsStoredOnlyAsADigest() throws {
        // Given a registered holder
        let domain = try TestDomain()
        // When a session starts for them
        let session = try domain.startSession()
        // Then the store holds the token's digest, not the token, with the account read along
        #expect(session.record.tokenDigest == SecureToken.digest(session.token))
        #expect(session.record.tokenDigest != session.token)
        var stored = try #require(try domain.database.session(digest: session.record.tokenDigest))
        #expect(stored.account?.permitNumber == Fixtures.anna)
        stored.account = nil
        #expect(stored == session.record)
        #expect(try domain.database.session(digest: session.token) == nil)
    }

    @Test func resumeFindsTheSessionOfAToken() throws {
        // Given a started session
        let domain = try TestDomain()
        let session = try domain.startSession()
        // When the cookie's token comes back a minute later
        domain.clock.advance(by: minute)
        // Then the session is resumed
        #expect(try domain.sessions.resume(token: session.token)?.tokenDigest == session.record.tokenDigest)
    }

    @Test(arguments: [nil, "", "not-a-session", String(repeating: "a", count: 101)] as [String?])
    func resumeIgnoresMissingUnknownAndOverlongTokens(token: String?) throws {
        // Given a store holding a session
        let domain = try TestDomain()
        _ = try domain.startSession()
        // When a cookie with no, an unknown or an absurdly long token arrives
        // Then there is no session
        #expect(try domain.sessions.resume(token: token) == nil)
    }

    @Test func idleFifteenMinutesExpiresAndDeletesTheSession() throws {
        // Given a session
        let domain = try TestDomain()
        let session = try domain.startSession()
        // When it is used after 14:59 idle it lives
        domain.clock.advance(by: 15 * minute - 1)
        #expect(try domain.sessions.resume(token: session.token) != nil)
        // When it is then left idle for 15 minutes
        domain.clock.advance(by: 15 * minute)
        // Then it is expired and removed from the store
        #expect(try domain.sessions.resume(token: session.token) == nil)
        #expect(try domain.database.session(digest: session.record.tokenDigest) == nil)
    }

    @Test func activityKeepsTheSessionAliveUpToTwelveHours() throws {
        // Given a session used every ten minutes
        let domain = try TestDomain()
        let session = try domain.startSession()
        for _ in 1..<72 {
            domain.clock.advance(by: 10 * minute)
            #expect(try domain.sessions.resume(token: session.token) != nil)
        }
        // When twelve hours have passed since it started (11:50 so far)
        domain.clock.advance(by: 10 * minute)
        // Then it has expired even though it was just used, and is deleted
        #expect(try domain.sessions.resume(token: session.token) == nil)
        #expect(try domain.database.session(digest: session.record.tokenDigest) == nil)
    }

    @Test func activityIsWrittenBackOnlyAfterSixtySeconds() throws {
        // Given a session started now
        let domain = try TestDomain()
        let session = try domain.startSession()
        let digest = session.record.tokenDigest
        // When it is used 59 seconds later
        domain.clock.advance(by: 59)
        _ = try domain.sessions.resume(token: session.token)
        // Then its last-seen time is not rewritten
        #expect(try domain.database.session(digest: digest)?.lastSeenAt == Fixtures.now)
        // When it is used at 60 seconds
        domain.clock.advance(by: 1)
        _ = try domain.sessions.resume(token: session.token)
        // Then the last-seen time moves to now
        #expect(try domain.database.session(digest: digest)?.lastSeenAt == Fixtures.now.addingTimeInterval(60))
    }

    @Test func endingASessionDeletesItAndRecordsTheLogout() throws {
        // Given a signed-in session
        let domain = try TestDomain()
        let (account, session) = try domain.registration.register(
            RegistrationForm(fullName: "ANNA SCHMIDT", permitNumber: Fixtures.anna, password: Fixtures.password,
                             passwordConfirm: Fixtures.password), remoteAddress: nil)
        // When the person logs out
        try domain.sessions.end(token: session.token, accountID: account.id, remoteAddress: "203.0.113.9")
        // Then the session is gone and the log says who left
        #expect(try domain.sessions.resume(token: session.token) == nil)
        #expect(try domain.database.session(digest: session.record.tokenDigest) == nil)
        let logout = try #require(try domain.database.events(kind: .loggedOut).first)
        #expect(logout.accountID == account.id)
        #expect(logout.remoteAddress == "203.0.113.9")
    }

    @Test func pruningRemovesIdleAndOldSessionsOnly() throws {
        // Given a session idle for 20 minutes and one started just now
        let domain = try TestDomain()
        let idle = try domain.startSession()
        domain.clock.advance(by: 20 * minute)
        let fresh = try domain.startSession()
        // When expired sessions are pruned
        try domain.sessions.pruneExpired()
        // Then only the idle one is gone
        #expect(try domain.database.session(digest: idle.record.tokenDigest) == nil)
        #expect(try domain.database.session(digest: fresh.record.tokenDigest) != nil)
    }

    @Test func aSessionWithoutAnAccountIsNoSession() throws {
        // Given an anonymous session row, as an earlier version stored for every form
        let domain = try TestDomain()
        let old = domain.sessions.makeSession(accountID: nil)
        try domain.database.insert(old.record)
        // When its cookie comes back
        // Then it opens nothing
        #expect(try domain.sessions.resume(token: old.token) == nil)
    }
}
