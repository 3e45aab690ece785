import Foundation
import Testing
@testable import PortalCore

@Suite struct AuditLogTests {
    @Test func eventsReadBackInOrderByAccountAndByKind() throws {
        // Given events for two accounts and one without an account
        let database = try AppDatabase.inMemory()
        let failed = AuditEvent(.loginFailed, at: Fixtures.now, accountID: 1, remoteAddress: "203.0.113.9")
        let locked = AuditEvent(.accountLocked, at: Fixtures.now.addingTimeInterval(1), accountID: 1)
        let other = AuditEvent(.loginFailed, at: Fixtures.now, accountID: 2)
        let anonymous = AuditEvent(.registered, at: Fixtures.now, subject: Fixtures.anna, detail: "note")
        for event in [failed, other, locked, anonymous] { try database.append(event) }
        // When they are read back
        // Then each query returns its events, whole and in the order they were appended
        #expect(try database.events(accountID: 1) == [failed, locked])
        #expect(try database.events(kind: .loginFailed) == [failed, other])
        #expect(try database.events(kind: .registered) == [anonymous])
    }

    @Test func auditLogIsAppendOnly() throws {
        // Given an event in the log
        let database = try AppDatabase.inMemory()
        let event = AuditEvent(.loginSucceeded, at: Fixtures.now, accountID: 7)
        try database.append(event)
        // When raw SQL tries to change or delete it
        // Then SQLite refuses both
        #expect(throws: (any Error).self) { try database.executeRaw("UPDATE audit_events SET kind = 'logout'") }
        #expect(throws: (any Error).self) { try database.executeRaw("DELETE FROM audit_events") }
        // and the event is unchanged
        #expect(try database.events(accountID: 7) == [event])
        #expect(try database.rowCount("audit_events") == 1)
    }
}
