import PortalTestSupport
import Testing
@testable import PortalCore

@Suite struct PhotoLimitsTests {
    /// A structurally complete PNG (right CRCs, an IDAT, IEND) whose header claims `width` × `height`.
    private func pngClaiming(width: UInt32, height: UInt32) -> [UInt8] {
        let header = TestImages.bigEndian(width) + TestImages.bigEndian(height) + [8, 0, 0, 0, 0]
        return TestImages.pngSignature + TestImages.chunk("IHDR", header) + TestImages.chunk("IDAT", [0x78, 0x01])
            + TestImages.chunk("IEND", [])
    }

    @Test func aHeaderClaimingBillionsOfPixelsIsRefusedBeforeAnyProvider() {
        // Found by the attacker review: 2³¹−1 × 2³¹−1 passed the development check
        #expect(throws: FaceVerificationError.tooManyPixels) { try PhotoLimits.check(pngClaiming(width: 0x7FFF_FFFF, height: 0x7FFF_FFFF)) }
        #expect(throws: FaceVerificationError.tooManyPixels) { try PhotoLimits.check(pngClaiming(width: 8001, height: 10)) }
        #expect(throws: FaceVerificationError.tooManyPixels) { try PhotoLimits.check(pngClaiming(width: 7000, height: 7000)) }
        #expect(throws: Never.self) { try PhotoLimits.check(pngClaiming(width: 8000, height: 5000)) }
        #expect(throws: FaceVerificationError.tooManyPixels) {
            try DevelopmentFaceVerifier().verify(photo: pngClaiming(width: 0x7FFF_FFFF, height: 1),
                                                 of: FaceSubject(permitNumber: "WP1", fullName: "A"))
        }
    }

    @Test func aRealPhotoPassesAndTheOtherChecksStillHold() {
        #expect(throws: Never.self) { try PhotoLimits.check(TestImages.png(width: 64, height: 64)) }
        #expect(throws: FaceVerificationError.missingPhoto) { try PhotoLimits.check([]) }
        #expect(throws: FaceVerificationError.notAnImage) { try PhotoLimits.check(Array("not a png".utf8)) }
    }
}
