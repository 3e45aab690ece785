import Foundation
import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct RegistryImporterTests {
    static let header = "permit_number,full_name,passport_number,nationality,date_of_birth,sex,employer,position,"
        + "work_location,issue_date,valid_until,status"
    static let annaRow = "WP2026000001,ANNA SCHMIDT,C01X00T47,Germany,1991-04-12,F,Hainan Institute,Scientist,"
        + "Haikou,2026-01-05,2028-06-30,valid"

    private func permitsFile(_ rows: String...) -> String {
        ([Self.header] + rows).joined(separator: "\n")
    }

    @Test func everyRegistryImportsItsFile() throws {
        // Given an empty database
        let database = try AppDatabase.inMemory()
        let importer = RegistryImporter(store: database)
        // When the four fixture files are imported
        // Then each reports its record count and the records can be read back
        #expect(try importer.importFile(Fixtures.permitsCSV, as: .permits) == 5)
        #expect(try importer.importFile(Fixtures.cardsCSV, as: .ssCards) == 1)
        #expect(try importer.importFile(Fixtures.bankCardsCSV, as: .bankCards) == 1)
        #expect(try importer.importFile(Fixtures.simsCSV, as: .sims) == 1)
        let anna = try #require(try database.permit(number: Fixtures.anna))
        #expect(anna == Permit(number: Fixtures.anna, fullName: "ANNA SCHMIDT", passportNumber: "C01X00T47",
                               nationality: "Germany", dateOfBirth: CalendarDay("1991-04-12")!, sex: "F",
                               employer: "Hainan Institute", position: "Scientist", workLocation: "Haikou",
                               issueDate: CalendarDay("2026-01-05")!, validUntil: CalendarDay("2028-06-30")!,
                               status: .valid))
        #expect(try database.permit(number: Fixtures.lucas)?.status == .canceled)
        #expect(try database.socialSecurityCard(ssNumber: Fixtures.johnSSNumber)?.permitNumber == Fixtures.john)
        #expect(try database.socialSecurityCard(permitNumber: Fixtures.john)?.ssNumber == Fixtures.johnSSNumber)
        #expect(try database.rowCount("bank_cards") == 1)
        #expect(try database.rowCount("sims") == 1)
    }

    @Test func columnsMayComeInAnyOrder() throws {
        // Given a permits file with its columns reversed and the header in other case and spacing
        let reversedHeader = Self.header.split(separator: ",").reversed().map { " \($0.uppercased()) " }
        let reversedRow = Self.annaRow.split(separator: ",").reversed()
        let text = reversedHeader.joined(separator: ",") + "\n" + reversedRow.joined(separator: ",")
        let database = try AppDatabase.inMemory()
        // When it is imported
        try RegistryImporter(store: database).importFile(text, as: .permits)
        // Then each value lands in its column
        let anna = try #require(try database.permit(number: Fixtures.anna))
        #expect(anna.fullName == "ANNA SCHMIDT")
        #expect(anna.passportNumber == "C01X00T47")
        #expect(anna.validUntil == CalendarDay("2028-06-30"))
        #expect(anna.status == .valid)
    }

    @Test func valuesAreNormalisedAsRegistriesStoreThem() throws {
        // Given a row typed loosely: lower-case number with spaces, folded spaces, lower-case sex and status
        let text = permitsFile("wp 2026000001,  ANNA   SCHMIDT ,c01x00t47,Germany,1991-04-12,f,Hainan Institute,"
                               + "Scientist,Haikou,2026-01-05,2028-06-30,VALID")
        // When it is checked
        let batch = try RegistryImporter.batch(from: text, as: .permits)
        // Then the values are stored the registry's way
        guard case .permit(let permit)? = batch.first, batch.count == 1 else {
            Issue.record("expected one permit, got \(batch)")
            return
        }
        #expect(permit.number == "WP2026000001")
        #expect(permit.fullName == "ANNA SCHMIDT")
        #expect(permit.passportNumber == "C01X00T47")
        #expect(permit.sex == "F")
        #expect(permit.status == .valid)
    }

    @Test(arguments: [
        (RegistryImporterTests.header.replacingOccurrences(of: "sex", with: "colour"),
         RegistryError.unknownColumn("colour")),
        (RegistryImporterTests.header.replacingOccurrences(of: ",status", with: ""),
         RegistryError.missingColumn("status")),
        (RegistryImporterTests.header + ",sex", RegistryError.duplicateColumn("sex")),
        ("", RegistryError.emptyFile),
        ("\n\n", RegistryError.emptyFile),
    ])
    func badHeaderIsRefusedAndNothingIsWritten(header: String, expected: RegistryError) throws {
        // Given a file whose header has an unknown, a missing or a repeated column, or no header at all
        let database = try AppDatabase.inMemory()
        let text = header.isEmpty || header == "\n\n" ? header : header + "\n" + Self.annaRow
        // When it is imported
        // Then the header problem is named and nothing is written
        #expect(throws: expected) { try RegistryImporter(store: database).importFile(text, as: .permits) }
        #expect(try database.rowCount("permits") == 0)
    }

    @Test func badRowAnywhereWritesNothingAndNamesLineAndColumn() throws {
        // Given a registry already imported
        let database = try AppDatabase.inMemory()
        let importer = RegistryImporter(store: database)
        try importer.importFile(Fixtures.permitsCSV, as: .permits)
        // When a file that changes Anna's employer and adds a permit has a bad date on its last line
        let text = permitsFile(
            Self.annaRow.replacingOccurrences(of: "Hainan Institute", with: "New Employer"),
            "WP2026000006,LI NA,E12345678,Singapore,1993-03-03,F,Shop,Clerk,Haikou,2026-01-01,2027-01-01,valid",
            "WP2026000007,TOM LEE,E87654321,Singapore,1992-02-02,M,Shop,Clerk,Haikou,2026-01-01,2027-13-01,valid")
        // Then it is refused naming line 4 and column valid_until
        let expected = RegistryError.invalidValue(line: 4, column: "valid_until", reason: "must be a date as YYYY-MM-DD")
        #expect(throws: expected) { try importer.importFile(text, as: .permits) }
        #expect(expected.description.hasPrefix("line 4, column valid_until:"))
        // and nothing changed
        #expect(try database.rowCount("permits") == 5)
        #expect(try database.permit(number: Fixtures.anna)?.employer == "Hainan Institute")
        #expect(try database.permit(number: "WP2026000006") == nil)
    }

    @Test(arguments: [
        ("WP2026000001,ANNA SCHMIDT,C01X00T47,Germany,1991-02-30,F,I,S,H,2026-01-05,2028-06-30,valid",
         RegistryError.invalidValue(line: 2, column: "date_of_birth", reason: "must be a date as YYYY-MM-DD")),
        ("WP2026000001,ANNA SCHMIDT,C01X00T47,Germany,1991-04-12,F,I,S,H,2029-01-05,2028-06-30,valid",
         RegistryError.invalidValue(line: 2, column: "valid_until", reason: "is before issue_date")),
        ("WP2026000001,,C01X00T47,Germany,1991-04-12,F,I,S,H,2026-01-05,2028-06-30,valid",
         RegistryError.invalidValue(line: 2, column: "full_name", reason: "is empty")),
        ("WP-1,ANNA SCHMIDT,C01X00T47,Germany,1991-04-12,F,I,S,H,2026-01-05,2028-06-30,valid",
         RegistryError.invalidValue(line: 2, column: "permit_number", reason: "must be 6 to 20 letters or digits")),
        ("WP2026000001,ANNA SCHMIDT,C01X00T47,Germany,1991-04-12,F,I,S,H,2026-01-05,2028-06-30,revoked",
         RegistryError.invalidValue(line: 2, column: "status", reason: "must be one of: valid, canceled")),
        ("WP2026000001,ANNA SCHMIDT,C01X00T47,Germany", RegistryError.wrongFieldCount(line: 2, expected: 12, found: 4)),
    ])
    func badValueIsNamedByLineAndColumn(row: String, expected: RegistryError) {
        // Given a permits file with one bad row
        // When it is checked
        // Then the error names where the problem is
        #expect(throws: expected) { try RegistryImporter.batch(from: permitsFile(row), as: .permits) }
    }

    @Test func sameKeyTwiceInOneFileIsRefused() throws {
        // Given a file listing one permit number twice, the second time typed differently
        let text = permitsFile(Self.annaRow, "", Self.annaRow.replacingOccurrences(of: "WP2026", with: "wp2026"))
        // When it is checked
        // Then the later line is named
        #expect(throws: RegistryError.duplicateKey(line: 4, column: "permit_number", value: Fixtures.anna)) {
            try RegistryImporter.batch(from: text, as: .permits)
        }
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        // Given the registries imported once
        let database = try AppDatabase.inMemory()
        let importer = RegistryImporter(store: database)
        try importer.importFile(Fixtures.permitsCSV, as: .permits)
        try importer.importFile(Fixtures.cardsCSV, as: .ssCards)
        let before = try [Fixtures.anna, Fixtures.john, Fixtures.maria, Fixtures.kenji, Fixtures.lucas]
            .map { try database.permit(number: $0) }
        // When the same files are imported again
        try importer.importFile(Fixtures.permitsCSV, as: .permits)
        try importer.importFile(Fixtures.cardsCSV, as: .ssCards)
        // Then the records and their counts are the same
        let after = try [Fixtures.anna, Fixtures.john, Fixtures.maria, Fixtures.kenji, Fixtures.lucas]
            .map { try database.permit(number: $0) }
        #expect(after == before)
        #expect(try database.rowCount("permits") == 5)
        #expect(try database.rowCount("ss_cards") == 1)
    }

    @Test func importingAKnownKeyReplacesItsRecord() throws {
        // Given the registry imported once
        let database = try AppDatabase.inMemory()
        let importer = RegistryImporter(store: database)
        try importer.importFile(Fixtures.permitsCSV, as: .permits)
        // When a file with Anna's permit renewed and moved to another employer is imported
        let renewed = Self.annaRow.replacingOccurrences(of: "Hainan Institute", with: "Haikou University")
            .replacingOccurrences(of: "2028-06-30", with: "2030-06-30")
        #expect(try importer.importFile(permitsFile(renewed), as: .permits) == 1)
        // Then her record is replaced and the others are untouched
        let anna = try #require(try database.permit(number: Fixtures.anna))
        #expect(anna.employer == "Haikou University")
        #expect(anna.validUntil == CalendarDay("2030-06-30"))
        #expect(try database.rowCount("permits") == 5)
        #expect(try database.permit(number: Fixtures.john)?.employer == "Sanya School")
    }

    @Test func cardAndPhoneNumbersMustBeDigits() {
        // Given a bank card with a letter in its number and a SIM with a ten-digit phone
        let card = "card_number,full_name,passport_number,phone\n62220200000000000X2,JOHN SMITH,533380006,13800000002"
        let sim = "phone,full_name,passport_number\n1380000000,JOHN SMITH,533380006"
        // When they are checked
        // Then each names the column
        #expect(throws: RegistryError.invalidValue(line: 2, column: "card_number", reason: "must be 16 to 19 digits")) {
            try RegistryImporter.batch(from: card, as: .bankCards)
        }
        #expect(throws: RegistryError.invalidValue(line: 2, column: "phone", reason: "must be 11 to 11 digits")) {
            try RegistryImporter.batch(from: sim, as: .sims)
        }
    }

    @Test func aFileReadInPiecesOfOneByteImportsAsAWholeOne() throws {
        // Given the fixture permits handed over one byte at a time, as a streamed file arrives in pieces
        let database = try AppDatabase.inMemory()
        var bytes = Array(Fixtures.permitsCSV.utf8).reversed().map { [$0] }
        var progressed: [Int] = []
        // When they are imported
        let count = try RegistryImporter(store: database).importFile(as: .permits, pieces: { bytes.popLast() },
                                                                     progress: { progressed.append($0) })
        // Then every row is there, as when the file comes whole
        #expect(count == 5)
        #expect(try database.rowCount("permits") == 5)
        #expect(progressed.isEmpty)  // progress is told every 10,000 rows
    }

    @Test func aBadRowInALaterPieceStillWritesNothing() throws {
        // Given a file whose first piece is good and whose second holds a row with a bad date
        let database = try AppDatabase.inMemory()
        var pieces = [Array(permitsFile(Self.annaRow).utf8) + Array("\n".utf8),
                      Array("WP2026000006,LI NA,E12345678,Singapore,1993-02-29,F,Shop,Clerk,Haikou,2026-01-01,2027-01-01,valid\n".utf8)]
            .reversed().map { $0 }
        // When it is imported, then the bad line is named (1993 had no 29 February) and no row was written
        #expect(throws: RegistryError.invalidValue(line: 3, column: "date_of_birth", reason: "must be a date as YYYY-MM-DD")) {
            try RegistryImporter(store: database).importFile(as: .permits, pieces: { pieces.popLast() })
        }
        #expect(try database.rowCount("permits") == 0)
    }
}
