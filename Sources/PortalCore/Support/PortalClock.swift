import Foundation

/// Source of the current instant, so expiry and lockout rules can be tested at any moment.
public protocol PortalClock: Sendable {
    func now() -> Date
}

/// The real clock.
public struct SystemClock: PortalClock {
    public init() {}
    public func now() -> Date { Date() }
}
