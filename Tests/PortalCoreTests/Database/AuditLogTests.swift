import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct AuditLogTests {
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
