import Foundation
import Testing
@testable import PortalCore

@Suite struct SecureTokenTests {
    private let urlSafe = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    @Test func generatedTokensCarry256RandomBitsInURLSafeText() {
        // Given two generated tokens
        let first = SecureToken.generate(), second = SecureToken.generate()
        // Then each is 32 bytes as unpadded base64url (43 characters), and they differ
        #expect(first.count == 43)
        #expect(first.allSatisfy(urlSafe.contains))
        #expect(first != second)
    }

    @Test func digestIsHexSHA256() {
        // Given the FIPS 180-2 test string "abc"
        // When it is digested
        // Then the known SHA-256 comes out in lower-case hex
        #expect(SecureToken.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func constantTimeEqualsComparesWholeStrings() {
        // Given pairs of strings
        // Then only identical ones compare equal, whatever their lengths
        #expect(SecureToken.constantTimeEquals("abc", "abc"))
        #expect(SecureToken.constantTimeEquals("", ""))
        #expect(!SecureToken.constantTimeEquals("abc", "abd"))
        #expect(!SecureToken.constantTimeEquals("abc", "abcd"))
        #expect(!SecureToken.constantTimeEquals("abc", ""))
    }

    @Test func base64URLMatchesRFC4648WithoutPadding() {
        // Given RFC 4648's test vectors and bytes that map to the two URL-safe characters
        // Then the text is standard base64 with - for +, _ for /, and no padding, and it decodes back
        let vectors = ["": "", "f": "Zg", "fo": "Zm8", "foo": "Zm9v", "foob": "Zm9vYg", "fooba": "Zm9vYmE",
                       "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(SecureToken.base64URL(Data(plain.utf8)) == encoded)
        }
        #expect(SecureToken.base64URL([0xFB, 0xFF, 0xBF]) == "-_-_")
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 37 + length) }
            #expect(SecureToken.data(base64URL: SecureToken.base64URL(bytes)) == Data(bytes))
        }
    }
}
