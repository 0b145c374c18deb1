import Foundation

/// Cleans names that come from the system (sysfs, vainfo, NVML, ffmpeg's errors).
///
/// A GPU name or a driver string is someone else's text: it must not carry escape
/// sequences into the terminal table or megabytes into the database. Control and
/// bidirectional-override characters are dropped, whitespace is collapsed and the result
/// is capped.
enum HardwareText {
    static func clean(_ text: String, limit: Int = 240) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in text.unicodeScalars {
            let isSpace = scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
            if isSpace {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
                continue
            }
            if TerminalText.isControl(scalar) { continue }
            out.append(scalar)
            lastWasSpace = false
        }
        var result = String(out).trimmingCharacters(in: .whitespaces)
        if result.count > limit { result = String(result.prefix(limit - 1)) + "…" }
        return result
    }

    /// Cleaned text, or nil when nothing is left.
    static func cleaned(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = clean(text)
        return cleaned.isEmpty ? nil : cleaned
    }
}
