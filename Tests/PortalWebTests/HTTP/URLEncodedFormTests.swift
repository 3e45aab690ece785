import Testing
@testable import PortalWeb

@Suite struct URLEncodedFormTests {
    @Test func decodesPlusAndPercentEscapes() throws {
        let form = try URLEncodedForm.decode(Array("full_name=Anna+M%C3%BCller&password=a%26b%3Dc&empty=".utf8))
        #expect(form.values == ["full_name": "Anna Müller", "password": "a&b=c", "empty": ""])
    }

    @Test(arguments: ["a=%", "a=%4", "a=%zz", "a=%G1"])
    func refusesBrokenPercentEncoding(body: String) {
        #expect(throws: FormDecodingError.badPercentEncoding) { try URLEncodedForm.decode(Array(body.utf8)) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: FormDecodingError.invalidUTF8) { try URLEncodedForm.decode(Array("a=%C3%28".utf8)) }
        #expect(throws: FormDecodingError.invalidUTF8) { try URLEncodedForm.decode([0x61, 0x3D, 0xFF]) }
    }

    @Test func refusesNulBytes() {
        #expect(throws: FormDecodingError.nulCharacter) { try URLEncodedForm.decode(Array("a=x%00y".utf8)) }
        // Found by scripts/fuzz.sh: a NUL followed by a combining mark (here U+065E) is one Character, not "\0",
        // and got through a Character-wise check, in a name and in a value.
        #expect(throws: FormDecodingError.nulCharacter) { try URLEncodedForm.decode(Array("%00%D9%9Ecsrf=1".utf8)) }
        #expect(throws: FormDecodingError.nulCharacter) { try URLEncodedForm.decode(Array("a=%00%CC%81".utf8)) }
    }

    @Test func refusesRepeatedFields() {
        #expect(throws: FormDecodingError.repeatedField("a")) { try URLEncodedForm.decode(Array("a=1&a=2".utf8)) }
    }

    @Test func refusesOverlongValuesAndTooManyFields() {
        let long = "a=" + String(repeating: "x", count: FormData.maximumValueBytes + 1)
        #expect(throws: FormDecodingError.valueTooLong("a")) { try URLEncodedForm.decode(Array(long.utf8)) }
        let many = (0...FormData.maximumFields).map { "f\($0)=1" }.joined(separator: "&")
        #expect(throws: FormDecodingError.tooManyFields) { try URLEncodedForm.decode(Array(many.utf8)) }
    }

    @Test func textTrimsButSecretsStayAsTyped() throws {
        let form = try URLEncodedForm.decode(Array("name=+Anna+&password=+pass+".utf8))
        #expect(form.text("name") == "Anna")
        #expect(form.secret("password") == " pass ")
        #expect(form.text("missing") == "")
    }
}
