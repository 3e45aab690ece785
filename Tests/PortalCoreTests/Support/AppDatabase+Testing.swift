import GRDB
@testable import PortalCore

/// Raw SQL for tests that check what the store layer hides: row counts and what the schema refuses.
extension AppDatabase {
    /// The number of rows in `table` (a fixed table name from the test, never input).
    func rowCount(_ table: String) throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// Runs `sql` in one write transaction, straight through GRDB.
    func executeRaw(_ sql: String) throws {
        try writer.write { db in try db.execute(sql: sql) }
    }

    /// The names of the tables the migrations created.
    func tableNames() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
                AND name NOT LIKE 'grdb_%' ORDER BY name
                """)
        }
    }
}

extension AppDatabase {
    /// Marks a card holder's real-name verification done with `phone`, as the SMS step leaves it.
    func completeRealNameForTest(accountID: Int64, phone: String) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE accounts SET state = 'active', verified_phone = ? WHERE id = ?",
                           arguments: [phone, accountID])
        }
    }
}
