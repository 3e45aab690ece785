import Foundation

/// China Standard Time (UTC+8, no daylight saving): the zone the portal shows times in.
public enum ChinaTime {
    public static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// `HH:mm` of `date` in China Standard Time, as lockout messages show it.
    public static func clockTime(_ date: Date) -> String {
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }
}
