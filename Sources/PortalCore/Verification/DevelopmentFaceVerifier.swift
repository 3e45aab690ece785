/// Development stand-in for the face service. It cannot compare faces; as the contract says, it accepts any
/// real JPEG or PNG, and refuses what the real service refuses before comparing: a missing photo, anything
/// that is not a complete JPEG or PNG (checked by structure, not by name), and files over the size limit.
public struct DevelopmentFaceVerifier: FaceVerifier {
    public init() {}

    public func verify(photo: [UInt8], of person: FaceSubject) throws(FaceVerificationError) {
        try PhotoLimits.check(photo)
    }
}
