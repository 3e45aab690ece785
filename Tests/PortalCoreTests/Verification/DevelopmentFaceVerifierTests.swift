import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct DevelopmentFaceVerifierTests {
    private let verifier = DevelopmentFaceVerifier()
    private let anna = FaceSubject(permitNumber: Fixtures.anna, fullName: "ANNA SCHMIDT")

    @Test(arguments: [(1, 1), (64, 48), (640, 480)])
    func anyRealPNGOrJPEGPasses(width: Int, height: Int) throws {
        // Given real pictures of any size (the contract: the development provider accepts any real JPEG/PNG)
        // When they are checked
        // Then they pass
        try verifier.verify(photo: TestImages.png(width: width, height: height), of: anna)
        try verifier.verify(photo: TestImages.jpeg(width: width, height: height), of: anna)
    }

    @Test func emptyUploadIsMissing() {
        #expect(throws: FaceVerificationError.missingPhoto) { try verifier.verify(photo: [], of: anna) }
    }

    @Test func textFileIsNotAnImage() {
        // Given a text file named face.png
        // Then it is not an image
        #expect(throws: FaceVerificationError.notAnImage) {
            try verifier.verify(photo: Array("not a face, just text".utf8), of: anna)
        }
    }

    @Test func fileOverFourMegabytesIsTooLarge() {
        // Given a file one byte over 4 MiB that starts like a PNG
        let photo = TestImages.pngSignature + [UInt8](repeating: 0, count: PhotoLimits.maximumBytes - 7)
        // Then it is refused for its size before anything else
        #expect(photo.count == PhotoLimits.maximumBytes + 1)
        #expect(throws: FaceVerificationError.tooLarge) { try verifier.verify(photo: photo, of: anna) }
    }
}
