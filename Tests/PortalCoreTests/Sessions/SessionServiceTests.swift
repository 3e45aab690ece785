import Foundation
import Testing
@testable import PortalCore

@Suite struct SessionServiceTests {
    private let minute: TimeInterval = 60

    @Test func anonymousSessionIsStoredOnlyAsADigest() throws {
        // Given a visitor
        let domain = try TestDomain()
        // When an anonymous session starts
        let session = try domain.sessions.startAnonymous()
        // Then the store holds the token's digest, not the token, and no account
        #expect(session.record.tokenDigest == SecureToken.digest(session.token))
        #expect(session.record.tokenDigest != session.token)
        let stored = try #require(try domain.database.session(digest: session.record.tokenDigest))
        #expect(stored == session.record)
        #expect(stored.accountID == nil)
        #expect(try domain.database.session(digest: session.token) == nil)
    }

    @Test func resumeFindsTheSessionOfAToken() throws {
        // Given a started session
        let domain = try TestDomain()
        let session = try domain.sessions.startAnonymous()
        // When the cookie's token comes back a minute later
        domain.clock.advance(by: minute)
        // Then the session is resumed
        #expect(try domain.sessions.resume(token: session.token)?.tokenDigest == session.record.tokenDigest)
    }

    @Test(arguments: [nil, "", "not-a-session", String(repeating: "a", count: 101)] as [String?])
    func resumeIgnoresMissingUnknownAndOverlongTokens(token: String?) throws {
        // Given a store holding a session
        let domain = try TestDomain()
        _ = try domain.sessions.startAnonymous()
        // When a cookie with no, an unknown or an absurdly long token arrives
        // Then there is no session
        #expect(try domain.sessions.resume(token: token) == nil)
    }

    @Test func idleFifteenMinutesExpiresAndDeletesTheSession() throws {
        // Given a session
        let domain = try TestDomain()
        let session = try domain.sessions.startAnonymous()
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
        let session = try domain.sessions.startAnonymous()
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
        let session = try domain.sessions.startAnonymous()
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
                             passwordConfirm: Fixtures.password), replacingSession: nil, remoteAddress: nil)
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
        let idle = try domain.sessions.startAnonymous()
        domain.clock.advance(by: 20 * minute)
        let fresh = try domain.sessions.startAnonymous()
        // When expired sessions are pruned
        try domain.sessions.pruneExpired()
        // Then only the idle one is gone
        #expect(try domain.database.session(digest: idle.record.tokenDigest) == nil)
        #expect(try domain.database.session(digest: fresh.record.tokenDigest) != nil)
    }

    @Test func csrfTokenIsStableForATokenAndDiffersBetweenTokens() {
        // Given two session tokens
        let first = SecureToken.generate(), second = SecureToken.generate()
        // When their CSRF tokens are derived
        // Then each is the same every time, differs between sessions and is not the session token
        #expect(SessionService.csrfToken(for: first) == SessionService.csrfToken(for: first))
        #expect(SessionService.csrfToken(for: first) != SessionService.csrfToken(for: second))
        #expect(SessionService.csrfToken(for: first) != first)
    }

    @Test func csrfValidationAcceptsOnlyTheSessionsOwnToken() {
        // Given a session token and its CSRF token
        let token = SecureToken.generate()
        let csrf = SessionService.csrfToken(for: token)
        // When forms come back with the right, no, an empty, a wrong or another session's token
        // Then only the right one is accepted
        #expect(SessionService.isValidCSRF(csrf, for: token))
        #expect(!SessionService.isValidCSRF(nil, for: token))
        #expect(!SessionService.isValidCSRF("", for: token))
        let altered = (csrf.first == "A" ? "B" : "A") + csrf.dropFirst()
        #expect(!SessionService.isValidCSRF(altered, for: token))
        #expect(!SessionService.isValidCSRF(token, for: token))
        #expect(!SessionService.isValidCSRF(SessionService.csrfToken(for: SecureToken.generate()), for: token))
    }
}
