import Foundation
import PortalCore

/// A clock the tests move by hand, so expiry and lockout rules are tested without sleeping.
public final class ManualClock: PortalClock, @unchecked Sendable {
    // @unchecked: the only state is guarded by `lock`.
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Fixtures.now) {
        current = start
    }

    public func now() -> Date {
        lock.withLock { current }
    }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { current = current.addingTimeInterval(seconds) }
    }
}
