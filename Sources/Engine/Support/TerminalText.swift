import Foundation

/// Makes untrusted text (torrent, file and tracker names) safe and measurable on a terminal.
///
/// Names are hostile: an escape sequence in a torrent name must not recolor, move the
/// cursor or retitle the terminal. `inert` shows every control character as visible
/// text (`\e[31m`), and `width` measures in terminal columns, not characters, so CJK,
/// emoji and combining marks keep tables aligned.
public enum TerminalText {
    /// Control characters (C0, DEL, C1) spelled out; everything else unchanged.
    public static func inert(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar.value {
            case 0x1B: out += "\\e"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            default: out += String(format: scalar.value < 0x100 ? "\\x%02x" : "\\u{%x}", scalar.value)
            }
        }
        return out
    }

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
            // Bidirectional overrides reorder what follows them on screen.
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }

    /// Width in terminal columns of already-inert text.
    public static func width(_ text: String) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += scalarWidth(scalar) }
        return total
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x300 { return v < 0x20 || v == 0x7F ? 0 : 1 }
        let properties = s.properties
        if properties.generalCategory == .nonspacingMark || properties.generalCategory == .enclosingMark
            || properties.generalCategory == .format || v == 0x200B { return 0 }
        if (0x1F300...0x1FAFF).contains(v) || (0x2600...0x27BF).contains(v) && properties.isEmojiPresentation { return 2 }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v) { return 2 }
        return 1
    }

    /// Cuts `text` to at most `columns` columns, ending with … when cut.
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        var out = ""
        var used = 0
        for ch in text {
            let w = ch.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
            if used + w > columns - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }

    /// Pads with spaces to exactly `columns` columns (truncating if longer).
    public static func pad(_ text: String, to columns: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let fill = String(repeating: " ", count: max(0, columns - width(cut)))
        return alignRight ? fill + cut : cut + fill
    }
}
