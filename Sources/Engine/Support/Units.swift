import Foundation

/// Parsing and printing of the quantities users type: rates, sizes, durations.
///
/// Binary multiples throughout (`16M` is 16 MiB/s), as rtorrent and qBittorrent show them.
public enum Units {
    /// `16M`, `512k`, `1.5G`, `0` (unlimited), `123` (bytes). Returns bytes.
    public static func parseBytes(_ text: String) -> Int64? {
        var s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if s.hasSuffix("/s") { s.removeLast(2) }
        if s.hasSuffix("ib") { s.removeLast(2) } else if s.hasSuffix("b") { s.removeLast() }
        guard let last = s.last else { return nil }
        var multiplier: Double = 1
        switch last {
        case "k": multiplier = 1024
        case "m": multiplier = 1024 * 1024
        case "g": multiplier = 1024 * 1024 * 1024
        case "t": multiplier = 1024 * 1024 * 1024 * 1024
        default: break
        }
        if multiplier != 1 { s.removeLast() }
        guard let value = Double(s), value >= 0, value.isFinite else { return nil }
        let bytes = value * multiplier
        guard bytes < Double(Int64.max) else { return nil }
        return Int64(bytes.rounded())
    }

    /// `90`, `90s`, `30m`, `2h`, `7d`, `1h30m`. Returns seconds.
    public static func parseDuration(_ text: String) -> Int64? {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard !s.isEmpty else { return nil }
        if let plain = Int64(s), plain >= 0 { return plain }
        var total: Int64 = 0
        var number = ""
        for ch in s {
            if ch.isNumber { number.append(ch); continue }
            guard let n = Int64(number) else { return nil }
            switch ch {
            case "s": total += n
            case "m": total += n * 60
            case "h": total += n * 3600
            case "d": total += n * 86400
            case "w": total += n * 604_800
            default: return nil
            }
            number = ""
        }
        return number.isEmpty ? total : nil
    }

    public static func formatBytes(_ bytes: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(bytes)
        var index = 0
        while abs(value) >= 1024, index < units.count - 1 { value /= 1024; index += 1 }
        if index == 0 { return "\(bytes) B" }
        return String(format: value >= 100 ? "%.0f %@" : "%.1f %@", value, units[index])
    }

    public static func formatRate(_ bytesPerSecond: Int64) -> String {
        bytesPerSecond == 0 ? "0" : formatBytes(bytesPerSecond) + "/s"
    }

    /// `3d 4h`, `12m 5s`, `∞` for unknown.
    public static func formatDuration(_ seconds: Int64?) -> String {
        guard let seconds, seconds >= 0 else { return "∞" }
        let d = seconds / 86400, h = (seconds % 86400) / 3600, m = (seconds % 3600) / 60, s = seconds % 60
        if d > 0 { return "\(d)d \(h)h" }
        if h > 0 { return "\(h)h \(m)m" }
        if m > 0 { return "\(m)m \(s)s" }
        return "\(s)s"
    }
}
