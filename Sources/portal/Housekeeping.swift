import Foundation
import PortalCore
import PortalWeb

/// Chores of `portal serve` that no request should pay for, on one runner every few minutes: expired sessions,
/// SMS codes too old to count for any limit and lapsed password resets are deleted, and due reminders created.
enum Housekeeping {
    static func start(_ services: PortalServices, every interval: TimeInterval = 300) {
        Thread.detachNewThread {
            while true {
                do { try services.sessions.pruneExpired() } catch { RequestLog.write("housekeeping: sessions: \(error)") }
                do { try services.codes.pruneOld() } catch { RequestLog.write("housekeeping: SMS codes: \(error)") }
                do { try services.passwordReset.pruneOld() } catch { RequestLog.write("housekeeping: resets: \(error)") }
                do { try services.login.pruneTypedAttempts() } catch { RequestLog.write("housekeeping: typed: \(error)") }
                do { try services.reminders.runAll() } catch { RequestLog.write("housekeeping: reminders: \(error)") }
                Thread.sleep(forTimeInterval: interval)
            }
        }
    }
}
