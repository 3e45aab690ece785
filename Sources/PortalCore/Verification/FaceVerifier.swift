import Foundation

/// The authorities' facial-recognition service: does this photo show the holder of this permit?
public protocol FaceVerifier: Sendable {
    func verify(photo: [UInt8], of person: FaceSubject) throws(FaceVerificationError)
}
