import Foundation
import GRDB
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct AppDatabaseTests {
    @Test func emptyDatabaseIsMigratedInOrder() throws {
        // Given a new in-memory database
        let database = try AppDatabase.inMemory()
        // When it is opened
        // Then every named migration has run, oldest first, and created its tables
        #expect(try database.appliedMigrations() == [
            "2026-11-27 registries", "2026-11-27 accounts and sessions", "2026-11-27 audit log", "2026-12-03 attempts",
            "2026-12-03 real-name verification, SMS codes, password resets", "2026-12-03 work-permit services",
            "2026-12-03 reminders", "2026-12-03 typed-identifier attempts",
            "2026-12-03 permit cancellation day",
        ])
        #expect(try database.tableNames() == ["accounts", "attempts", "audit_events", "bank_cards", "password_resets",
                                              "permits", "qr_tokens_used", "reminders", "sessions", "sims", "sms_codes", "ss_cards", "typed_attempts"])
        #expect(try database.rowCount("accounts") == 0)
    }

    @Test func migratingTwiceIsHarmless() throws {
        // Given a migrated database
        let database = try AppDatabase.inMemory()
        // When the migrator runs again on it
        try AppDatabase.migrator.migrate(database.writer)
        // Then nothing more is applied
        #expect(try database.appliedMigrations().count == 9)
    }

    @Test func onDiskDatabaseIsCreatedAndReopened() throws {
        // Given a path in a fresh temporary folder
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("portal.sqlite").path
        // When a database is created there, written to, and opened again
        try RegistryImporter(store: try AppDatabase.onDisk(path: path)).importFile(Fixtures.permitsCSV, as: .permits)
        let reopened = try AppDatabase.onDisk(path: path)
        // Then the data is still there and migrations are not repeated
        #expect(try reopened.permit(number: Fixtures.anna)?.fullName == "ANNA SCHMIDT")
        #expect(try reopened.appliedMigrations().count == 9)
    }

    @Test func schemaRefusesRowsBreakingItsConstraints() throws {
        // Given an account row and the permits table
        let database = try AppDatabase.inMemory()
        try database.executeRaw("""
            INSERT INTO accounts (permit_number, full_name, password_hash, state, created_at)
            VALUES ('WP2026000001', 'ANNA SCHMIDT', 'x', 'active', '2026-06-01 02:00:00.000')
            """)
        // When rows break the CHECK and UNIQUE constraints
        // Then SQLite refuses them
        #expect(throws: (any Error).self) {
            try database.executeRaw("""
                INSERT INTO accounts (permit_number, full_name, password_hash, state, created_at)
                VALUES ('WP2026000002', 'JOHN SMITH', 'x', 'superuser', '2026-06-01 02:00:00.000')
                """)
        }
        #expect(throws: (any Error).self) {
            try database.executeRaw("""
                INSERT INTO accounts (permit_number, full_name, password_hash, state, created_at)
                VALUES ('WP2026000001', 'ANNA SCHMIDT', 'y', 'active', '2026-06-01 02:00:00.000')
                """)
        }
        #expect(throws: (any Error).self) {
            try database.executeRaw("""
                INSERT INTO permits VALUES ('WP1', 'A', 'P', 'N', '2000-01-01', 'F', 'E', 'P', 'W', '2026-01-01',
                '2027-01-01', 'revoked', NULL)
                """)
        }
        #expect(try database.rowCount("accounts") == 1)
    }

    @Test func theAttemptsMigrationMovesCountsAndLocksInForce() throws {
        // Given a database of the previous version with a counted login and a face lock
        let queue = try DatabaseQueue()
        try AppDatabase.migrator.migrate(queue, upTo: "2026-11-27 audit log")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO accounts (id, permit_number, full_name, password_hash, state, failed_logins,
                                      face_locked_until, created_at)
                VALUES (1, 'WP2026000001', 'ANNA SCHMIDT', 'x', 'pending_face', 3, '2026-06-01 02:15:00.000',
                        '2026-06-01 02:00:00.000'),
                       (2, 'WP2026000002', 'JOHN SMITH', 'x', 'active', 0, NULL, '2026-06-01 02:00:00.000')
                """)
        }
        // When it is opened by this version
        let database = try AppDatabase(queue)
        // Then the counts live in attempts, the old columns are gone, and an account without any has no row
        #expect(try database.attempts(.login, accountID: 1) == Attempts(failures: 3))
        #expect(try database.attempts(.face, accountID: 1)
            == Attempts(failures: 0, lockedUntil: Fixtures.now.addingTimeInterval(15 * 60)))
        #expect(try database.rowCount("attempts") == 2)
        #expect(throws: (any Error).self) { try database.executeRaw("UPDATE accounts SET failed_logins = 1") }
        #expect(try database.account(id: 2)?.state == .active)
    }
}
