import Foundation

/// China Standard Time (UTC+8, no daylight saving): the zone the portal shows times in.
public enum ChinaTime {
    public static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// `HH:mm` in China Standard Time of the first whole minute at or after `date`, as lockout messages show the
    /// end of a lock: a lock until 14:34:14 reads 14:35, so "try again after" is never too early.
    public static func clockTime(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970
        let rounded = Date(timeIntervalSince1970: (seconds / 60).rounded(.up) * 60)
        let parts = calendar.dateComponents([.hour, .minute], from: rounded)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }
}
