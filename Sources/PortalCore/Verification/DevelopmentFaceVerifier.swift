/// Development stand-in for the face service. It cannot compare faces, but it refuses what the real
/// service refuses before comparing: anything that is not a complete JPEG or PNG, files over the size
/// limit, and pictures too small to hold a face.
public struct DevelopmentFaceVerifier: FaceVerifier {
    public static let maximumBytes = 4 * 1024 * 1024
    public static let minimumSide = 64

    public init() {}

    public func verify(photo: [UInt8], of person: FaceSubject) throws(FaceVerificationError) {
        guard !photo.isEmpty else { throw .missingPhoto }
        guard photo.count < Self.maximumBytes else { throw .tooLarge }
        guard let image = ImageInspector.inspect(photo) else { throw .notAnImage }
        guard min(image.width, image.height) >= Self.minimumSide else { throw .tooSmall }
    }
}
