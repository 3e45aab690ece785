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
}
