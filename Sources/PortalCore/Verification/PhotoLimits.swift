/// What any face photo must respect before a provider sees it, whichever provider is configured.
public enum PhotoLimits {
    /// 4 MiB: a webcam still or a phone photo is well under it.
    public static let maximumBytes = 4 * 1024 * 1024

    /// The limit as the sentences state it ("smaller than 4 MB").
    public static var maximumMegabytes: Int { maximumBytes / (1024 * 1024) }

    /// The longest side and the most pixels a photo may claim: a header of 2³¹−1 × 2³¹−1 pixels fits in a
    /// few bytes, and no face service should be handed one.
    public static let maximumSide = 8000
    public static let maximumPixels = 40_000_000

    /// The checks every provider sits behind: a photo, within the size, a complete JPEG or PNG by its structure,
    /// within the dimensions.
    public static func check(_ photo: [UInt8]) throws(FaceVerificationError) {
        guard !photo.isEmpty else { throw .missingPhoto }
        guard photo.count < maximumBytes else { throw .tooLarge }
        guard let image = ImageInspector.inspect(photo) else { throw .notAnImage }
        guard image.width <= maximumSide, image.height <= maximumSide, image.width * image.height <= maximumPixels else {
            throw .tooManyPixels
        }
    }
}
