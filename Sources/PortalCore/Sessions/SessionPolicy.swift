import Foundation

/// How long sessions live: 15 minutes idle, 12 hours in all, as a government service expects.
public struct SessionPolicy: Sendable {
    public var idleTimeout: TimeInterval = 15 * 60
    public var absoluteTimeout: TimeInterval = 12 * 3600
    /// Activity is written back at most this often, so a page view is usually a read only.
    public var touchInterval: TimeInterval = 60

    public init() {}

    public func isExpired(_ session: Session, at now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) >= idleTimeout
            || now.timeIntervalSince(session.createdAt) >= absoluteTimeout
    }

    public func needsTouch(_ session: Session, at now: Date) -> Bool {
        now.timeIntervalSince(session.lastSeenAt) >= touchInterval
    }
}
