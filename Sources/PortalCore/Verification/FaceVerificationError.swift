import Foundation

/// Why facial recognition did not pass, or could not be tried.
public enum FaceVerificationError: Error, Sendable, Equatable {
    case missingPhoto
    case notAnImage
    case tooLarge
    /// The image claims more pixels than any photo of a face has.
    case tooManyPixels
    case noMatch
    case locked(until: Date)
    case permitExpired
    case permitCanceled
    case serviceUnavailable
    /// The account is gone (a new registration of the permit replaced it): register again.
    case registrationEnded

    public var message: UserMessage {
        switch self {
        case .missingPhoto: UserMessage("face.missing")
        case .notAnImage: UserMessage("face.not_an_image")
        case .tooLarge: UserMessage("face.too_large")
        case .tooManyPixels: UserMessage("face.too_many_pixels")
        case .noMatch: UserMessage("face.no_match")
        case .locked(let until): UserMessage("lockout", ["time": ChinaTime.clockTime(until)])
        case .permitExpired: UserMessage("registration.permit.expired")
        case .permitCanceled: UserMessage("registration.permit.canceled")
        case .serviceUnavailable: UserMessage("error.busy")
        case .registrationEnded: UserMessage("face.registration_ended")
        }
    }
}
