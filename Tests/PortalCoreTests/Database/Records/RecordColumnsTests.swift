import Foundation
import GRDB
import Testing
@testable import PortalCore

/// Signed-in pages read the session and its account by column position (`init(row:from:)` after `columns`): those
/// must read what the by-name decoding reads, and every column the record writes.
@Suite struct RecordColumnsTests {
    private let day = Date(timeIntervalSince1970: 1_796_000_000)

    @Test func anAccountReadByPositionIsTheAccountReadByName() throws {
        // Given an account with every column set, each to a different value
        let database = try AppDatabase.inMemory()
        let account = Account(id: 7, permitNumber: "WP2026000009", fullName: "ANNA SCHMIDT", passwordHash: "$p",
                              state: .active, createdAt: day, collectedAt: day + 60, realNameMethod: .bankCard,
                              verifiedPhone: "13800000002", pinHash: "$pin")
        try database.writer.write { try AccountRecord(account).insert($0) }
        // When its row is read by name and by position
        let (byName, byPosition, writtenColumns) = try database.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT \(AccountRecord.columns.joined(separator: ", ")) FROM accounts"))
            return (AccountRecord(row: row).account, AccountRecord(row: row, from: 0).account,
                    Array(try AccountRecord(account).databaseDictionary.keys))
        }
        // Then both are the account, and `columns` names every column the record writes
        #expect(byName == account)
        #expect(byPosition == account)
        #expect(Set(AccountRecord.columns) == Set(writtenColumns))
    }

    @Test func aSessionReadByPositionIsTheSessionReadByName() throws {
        // Given a session with every column set
        let database = try AppDatabase.inMemory()
        let account = Account(id: 7, permitNumber: "WP2026000009", fullName: "ANNA SCHMIDT", passwordHash: "$p",
                              state: .active, createdAt: day)
        let session = Session(tokenDigest: "digest", accountID: 7, createdAt: day, lastSeenAt: day + 60,
                              permitServicesUntil: day + 120)
        try database.writer.write { db in
            try AccountRecord(account).insert(db)
            try SessionRecord(session).insert(db)
        }
        // When its row is read by name and by position
        let (byName, byPosition, writtenColumns) = try database.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT \(SessionRecord.columns.joined(separator: ", ")) FROM sessions"))
            return (SessionRecord(row: row).session, SessionRecord(row: row, from: 0).session,
                    Array(try SessionRecord(session).databaseDictionary.keys))
        }
        // Then both are the session, and `columns` names every column the record writes
        #expect(byName == session)
        #expect(byPosition == session)
        #expect(Set(SessionRecord.columns) == Set(writtenColumns))
    }
}
