import Foundation
import PortalCore

/// Chores of `portal serve` that no request should pay for: expired sessions are deleted every few minutes.
enum Housekeeping {
    static func start(sessions: SessionService, every interval: TimeInterval = 300) {
        Thread.detachNewThread {
            while true {
                do { try sessions.pruneExpired() } catch { RequestLog.write("housekeeping: \(error)") }
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }
}
