import Foundation

/// A session just made: the token goes to the browser once, the record to the store.
public struct NewSession: Sendable, Equatable {
    public let token: String
    public let record: Session
}
