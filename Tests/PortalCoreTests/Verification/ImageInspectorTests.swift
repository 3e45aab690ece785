import Testing
import PortalTestSupport
@testable import PortalCore

@Suite struct ImageInspectorTests {
    private typealias Info = ImageInspector.ImageInfo

    @Test func fixtureHelpersAgreeWithZlib() {
        // Given the 1×1 PNG written by Python's zlib
        // When this suite's chunk writer rebuilds its IHDR and IEND chunks
        // Then they are byte for byte the same, so the generated PNGs carry real CRCs
        let ihdr = Array(TestImages.tinyPNG[12..<29])
        #expect(TestImages.chunk("IHDR", Array(ihdr.dropFirst(4))) == Array(TestImages.tinyPNG[8..<33]))
        #expect(TestImages.chunk("IEND", []) == Array(TestImages.tinyPNG.suffix(12)))
    }

    @Test func realPNGsAreRecognisedWithTheirSize() {
        // Given a PNG from zlib and one generated with a stored deflate stream
        // When they are inspected
        // Then both are PNGs of their size (width first)
        #expect(ImageInspector.inspect(TestImages.tinyPNG) == Info(format: .png, width: 1, height: 1))
        #expect(ImageInspector.inspect(TestImages.png(width: 64, height: 48)) == Info(format: .png, width: 64, height: 48))
    }

    @Test func jpegIsRecognisedWithItsSize() {
        // Given a baseline JPEG 64 wide and 48 high
        // When it is inspected
        // Then its frame header gives the size
        #expect(ImageInspector.inspect(TestImages.jpeg(width: 64, height: 48)) == Info(format: .jpeg, width: 64, height: 48))
        #expect(ImageInspector.inspect(TestImages.jpeg(width: 300, height: 20)) == Info(format: .jpeg, width: 300, height: 20))
    }

    @Test func jpegMayPadMarkersWithFillBytes() {
        // Given a JPEG with fill bytes (0xFF) before its frame header
        var bytes = TestImages.jpeg(width: 64, height: 64)
        let frame = bytes.firstIndex(ofMarker: 0xC0)!
        bytes.insert(contentsOf: [0xFF, 0xFF], at: frame)
        // Then it is still a JPEG
        #expect(ImageInspector.inspect(bytes)?.format == .jpeg)
    }

    @Test func pngWithACorruptCRCIsRefused() {
        // Given a PNG with one pixel byte changed, and another with a CRC byte changed
        var pixel = TestImages.png(width: 64, height: 64)
        pixel[60] ^= 0x01
        var crc = TestImages.png(width: 64, height: 64)
        crc[32] ^= 0x01  // last byte of the IHDR chunk's CRC
        // Then neither is an image
        #expect(ImageInspector.inspect(pixel) == nil)
        #expect(ImageInspector.inspect(crc) == nil)
    }

    @Test func truncatedFilesAreRefused() {
        // Given PNG and JPEG files cut short
        let png = TestImages.png(width: 64, height: 64), jpeg = TestImages.jpeg(width: 64, height: 64)
        // Then none is an image: not one byte short, not without its last chunk or end marker, not half
        #expect(ImageInspector.inspect(Array(png.dropLast())) == nil)
        #expect(ImageInspector.inspect(Array(png.dropLast(12))) == nil)
        #expect(ImageInspector.inspect(Array(png.prefix(png.count / 2))) == nil)
        #expect(ImageInspector.inspect(Array(jpeg.dropLast(2))) == nil)
        #expect(ImageInspector.inspect(Array(jpeg.prefix(jpeg.count / 2))) == nil)
        #expect(ImageInspector.inspect(TestImages.pngSignature) == nil)
        #expect(ImageInspector.inspect([0xFF, 0xD8, 0xFF, 0xD9]) == nil)
    }

    @Test(arguments: ["hello, I am not a picture\n", "", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "GIF89a"])
    func textOrOtherFormatsRenamedAreRefused(text: String) {
        // Given a text file or another format, whatever it was named
        // Then it is not an image
        #expect(ImageInspector.inspect(Array(text.utf8)) == nil)
    }

    @Test func pngMustHaveIHDRFirstImageDataAndIEND() {
        let ihdr = TestImages.chunk("IHDR", TestImages.bigEndian(64) + TestImages.bigEndian(64) + [8, 0, 0, 0, 0])
        let idat = Array(TestImages.png(width: 64, height: 64).dropFirst(33).dropLast(12))
        let iend = TestImages.chunk("IEND", [])
        let text = TestImages.chunk("tEXt", Array("Comment\0hi".utf8))
        // Given PNGs without image data, with a chunk before IHDR, without IEND, or with a zero width
        let zeroWidth = TestImages.chunk("IHDR", TestImages.bigEndian(0) + TestImages.bigEndian(64) + [8, 0, 0, 0, 0])
        // Then none is an image, while the well-formed one with an extra text chunk is
        #expect(ImageInspector.inspect(TestImages.pngSignature + ihdr + iend) == nil)
        #expect(ImageInspector.inspect(TestImages.pngSignature + text + ihdr + idat + iend) == nil)
        #expect(ImageInspector.inspect(TestImages.pngSignature + ihdr + idat) == nil)
        #expect(ImageInspector.inspect(TestImages.pngSignature + zeroWidth + idat + iend) == nil)
        #expect(ImageInspector.inspect(TestImages.pngSignature + ihdr + text + idat + iend)?.width == 64)
    }

    @Test func absurdChunkLengthIsRefusedWithoutReadingPastTheEnd() {
        // Given a PNG whose first chunk claims 4 GB
        let bytes = TestImages.pngSignature + [0xFF, 0xFF, 0xFF, 0xFF] + Array("IHDR".utf8) + [0, 0, 0, 1]
        // Then it is not an image
        #expect(ImageInspector.inspect(bytes) == nil)
    }

    @Test func jpegWithoutAFrameHeaderIsRefused() {
        // Given a JPEG whose SOF0 segment was removed
        var bytes = TestImages.jpeg(width: 64, height: 64)
        let frame = bytes.firstIndex(ofMarker: 0xC0)!
        bytes.removeSubrange(frame..<(frame + 2 + 0x0B))
        // Then the scan has no size, and it is not an image
        #expect(ImageInspector.inspect(bytes) == nil)
    }
}

private extension Array where Element == UInt8 {
    /// Where the marker `0xFF marker` starts.
    func firstIndex(ofMarker marker: UInt8) -> Int? {
        indices.dropLast().first { self[$0] == 0xFF && self[$0 + 1] == marker }
    }
}
