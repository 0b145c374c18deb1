import Foundation

/// When the alternative speed limits apply: a daily window, optionally on some weekdays.
///
/// Forms: `01:00-07:00`, `mon-fri 08:00-18:00`, `sat,sun 00:00-23:59`. A window may
/// cross midnight (`22:00-06:00`); the days name the day the window starts.
public struct AltSpeedSchedule: Sendable, Equatable {
    public let days: Set<Int>         // 1 = Sunday ... 7 = Saturday (Calendar's weekday)
    public let startMinute: Int
    public let endMinute: Int

    private static let dayNames = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]

    public init?(_ text: String) {
        let parts = text.lowercased().split(separator: " ", omittingEmptySubsequences: true)
        guard let window = parts.last, parts.count <= 2 else { return nil }
        var days = Set(1...7)
        if parts.count == 2 {
            guard let parsed = Self.parseDays(String(parts[0])) else { return nil }
            days = parsed
        }
        let times = window.split(separator: "-")
        guard times.count == 2, let start = Self.minutes(String(times[0])), let end = Self.minutes(String(times[1])),
              start != end else { return nil }
        self.days = days
        startMinute = start
        endMinute = end
    }

    private static func parseDays(_ text: String) -> Set<Int>? {
        var result = Set<Int>()
        for item in text.split(separator: ",") {
            let range = item.split(separator: "-")
            if range.count == 2, let a = dayNames[String(range[0])], let b = dayNames[String(range[1])] {
                var d = a
                while true { result.insert(d); if d == b { break }; d = d % 7 + 1 }
            } else if range.count == 1, let d = dayNames[String(range[0])] {
                result.insert(d)
            } else {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }

    private static func minutes(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }

    public func isActive(at date: Date, calendar: Calendar = .current) -> Bool {
        let c = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        guard let weekday = c.weekday, let hour = c.hour, let minute = c.minute else { return false }
        let now = hour * 60 + minute
        if startMinute < endMinute {
            return days.contains(weekday) && now >= startMinute && now < endMinute
        }
        // Crosses midnight: the evening part belongs to today, the morning part to yesterday.
        let yesterday = (weekday + 5) % 7 + 1
        return (days.contains(weekday) && now >= startMinute) || (days.contains(yesterday) && now < endMinute)
    }
}
