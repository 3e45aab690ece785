import Foundation

/// Whom a photo must show, as the permit registry knows them.
public struct FaceSubject: Sendable, Equatable {
    public let permitNumber: String
    public let fullName: String

    public init(permitNumber: String, fullName: String) {
        self.permitNumber = permitNumber
        self.fullName = fullName
    }
}
