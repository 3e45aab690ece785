import Testing
@testable import PortalCore

@Suite struct CSVParserTests {
    private func fields(_ text: String) throws -> [[String]] {
        try CSVParser.parse(text).map(\.fields)
    }

    @Test func plainRowsAreSplitOnCommasWithTheirLineNumbers() throws {
        // Given two plain lines
        // When they are parsed
        let rows = try CSVParser.parse("a,b,c\nd,e,f\n")
        // Then each is a row of its fields, numbered from line 1
        #expect(rows == [CSVParser.Row(line: 1, fields: ["a", "b", "c"]), CSVParser.Row(line: 2, fields: ["d", "e", "f"])])
    }

    @Test func lastLineWithoutANewlineAndEmptyFieldsAreKept() throws {
        // Given empty fields and no final line end
        // When parsed
        // Then empty fields stay, in place
        #expect(try fields("a,,c\n,b,") == [["a", "", "c"], ["", "b", ""]])
    }

    @Test func quotedFieldsMayHoldCommasAndLineBreaks() throws {
        // Given quoted fields holding a comma and a line break
        // When parsed
        let rows = try CSVParser.parse("\"Sanya, Hainan\",x\n\"two\nlines\",y\nlast,z")
        // Then the quotes go, the contents stay, and the following row's line number counts the break
        #expect(rows.map(\.fields) == [["Sanya, Hainan", "x"], ["two\nlines", "y"], ["last", "z"]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test func doubledQuotesInsideQuotesAreOneQuote() throws {
        // Given escaped quotes inside a quoted field
        // When parsed
        // Then each pair becomes one quote
        #expect(try fields("\"say \"\"hi\"\"\",\"\"\"\"") == [["say \"hi\"", "\""]])
    }

    @Test func crlfLineEndsAreLineEnds() throws {
        // Given a file written with CRLF, also inside a quoted field
        // When parsed
        let rows = try CSVParser.parse("a,b\r\nc,\"d\r\ne\"\r\nf,g\r\n")
        // Then CRLF ends a row (kept as typed inside quotes) and lines are numbered as in the file
        #expect(rows.map(\.fields) == [["a", "b"], ["c", "d\r\ne"], ["f", "g"]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test func byteOrderMarkIsIgnored() throws {
        // Given a file starting with a UTF-8 byte order mark
        // When parsed
        // Then the first field does not carry it
        #expect(try fields("\u{FEFF}permit_number,status\nWP1,valid") == [["permit_number", "status"], ["WP1", "valid"]])
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        // Given blank lines between, before and after rows
        // When parsed
        let rows = try CSVParser.parse("\na,b\n\n\r\nc,d\n\n")
        // Then they give no rows, and later rows keep their real line numbers
        #expect(rows.map(\.fields) == [["a", "b"], ["c", "d"]])
        #expect(rows.map(\.line) == [2, 5])
    }

    @Test func emptyTextHasNoRows() throws {
        #expect(try CSVParser.parse("").isEmpty)
        #expect(try CSVParser.parse("\u{FEFF}").isEmpty)
    }

    @Test func unterminatedQuoteIsAnErrorNamingTheLineItStartsOn() {
        // Given a quoted field that is never closed, starting on line 2
        // When parsed
        // Then it is refused, naming line 2
        #expect(throws: RegistryError.malformedCSV(line: 2, reason: "a quoted field is not closed")) {
            try CSVParser.parse("a,b\nc,\"open\nstill open\n")
        }
    }

    @Test func bareCarriageReturnsCountAsLineEndsInsideQuotesToo() {
        // Given a file with old Mac line ends, one inside a quoted field, and an open quote on line 3
        // When parsed
        // Then the error names line 3
        #expect(throws: RegistryError.malformedCSV(line: 3, reason: "a quoted field is not closed")) {
            try CSVParser.parse("\"a\rb\",x\r\"open")
        }
    }

    @Test func quoteInsideAnUnquotedFieldIsAnErrorNamingItsLine() {
        // Given a stray quote in the middle of a field on line 3
        // When parsed
        // Then it is refused, naming line 3
        #expect(throws: RegistryError.malformedCSV(line: 3, reason: "a quote inside an unquoted field")) {
            try CSVParser.parse("a,b\nc,d\ne,f\"g\n")
        }
    }

    @Test func textAfterAClosingQuoteIsMalformed() {
        // Given a quoted field followed by more text before the comma
        // When parsed
        // Then the parser names the line instead of guessing
        #expect(throws: RegistryError.malformedCSV(line: 2, reason: "text after the closing quote of a field")) {
            try CSVParser.parse("a,b\n\"abc\"def,x\n")
        }
    }

    @Test func piecesOfAnySizeGiveTheSameRows() throws {
        // Given a file with quotes, doubled quotes, CRLF inside and between rows, a byte order mark and UTF-8 text
        let text = "\u{FEFF}a,\"b \"\"c\"\"\",d\r\n\"two\r\nlines\",Zhōu 周\r\nlast,row"
        let whole = try CSVParser.parse(text)
        #expect(whole.map(\.fields) == [["a", "b \"c\"", "d"], ["two\r\nlines", "Zhōu 周"], ["last", "row"]])
        #expect(whole.map(\.line) == [1, 2, 4])
        // When it is read in pieces of every size from one byte up
        let bytes = Array(text.utf8)
        for size in 1...bytes.count {
            var parser = CSVParser(), rows: [CSVParser.Row] = []
            for start in stride(from: 0, to: bytes.count, by: size) {
                try parser.feed(Array(bytes[start..<min(start + size, bytes.count)])) { rows.append($0) }
            }
            try parser.finish { rows.append($0) }
            // Then the rows and their lines are those of the whole file
            #expect(rows == whole, "pieces of \(size) bytes")
        }
    }

    @Test func bytesThatAreNotUTF8AreRefusedWithTheirLine() throws {
        var parser = CSVParser()
        try parser.feed(Array("a,b\n".utf8)) { _ in }
        #expect(throws: RegistryError.malformedCSV(line: 2, reason: "the text is not UTF-8")) {
            try parser.feed([0x63, 0xFF, 0x2C, 0x64, 0x0A]) { _ in }
        }
    }
}
