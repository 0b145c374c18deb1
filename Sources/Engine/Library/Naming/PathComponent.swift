/// Makes text safe as one path component on every file system a library may live on or be
/// shared to (ext4, NTFS over SMB, exFAT).
///
/// Titles come from indexers and metadata providers, so they are hostile: `../`, control
/// characters, NUL, reserved characters, 10 KB names. A rendered path must never leave the
/// library root nor fail to be created.
///
///     PathComponent.sanitize("Mission: Impossible")   // "Mission - Impossible"
///     PathComponent.finish("../../etc/passwd")        // "-.-etc-passwd" (no "..", no "/")
public enum PathComponent {
    /// The most bytes a component may have (ext4, XFS, Btrfs: 255).
    public static let maxBytes = 255

    /// One value made safe: control and line-break characters become spaces and bidi
    /// overrides go; `/` and `\` become `-`, `:` becomes ` -` before a space and `-`
    /// elsewhere, `*` and `|` become `-`, `"` becomes `'`, `?`, `<` and `>` go; runs of
    /// spaces collapse, runs of dots become one, and spaces at either end go.
    public static func sanitize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in text.unicodeScalars {
            switch u.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator:
                scalars.append(" ")
            default:
                // Bidi embeddings, overrides and isolates can make a name read backwards.
                if (0x202A...0x202E).contains(u.value) || (0x2066...0x2069).contains(u.value) { continue }
                scalars.append(u)
            }
        }
        let chars = Array(String(scalars))
        var out = ""
        for (i, c) in chars.enumerated() {
            switch c {
            case "/", "\\", "*", "|": out.append("-")
            case ":":
                let spaceAfter = i + 1 == chars.count || chars[i + 1] == " "
                let spaceBefore = i > 0 && chars[i - 1] == " "
                out += spaceAfter && !spaceBefore ? " -" : "-"
            case "\"": out.append("'")
            case "?", "<", ">": continue
            default: out.append(c)
            }
        }
        return collapse(out).trimmingCharacters(in: .whitespaces)
    }

    /// Runs of whitespace become one space and runs of dots one dot.
    static func collapse(_ s: String) -> String {
        var out = ""
        var last: Character?
        for c in s {
            let ch: Character = c.isWhitespace ? " " : c
            if (ch == " " || ch == "."), ch == last { continue }
            out.append(ch)
            last = ch
        }
        return out
    }

    /// A whole component made final: sanitized, without dots or spaces at either end (so never
    /// "." or ".."), and at most `maxBytes` bytes cut on a character boundary.
    public static func finish(_ text: String, maxBytes: Int = PathComponent.maxBytes) -> String {
        let s = trimEnds(sanitize(text))
        return s.utf8.count > maxBytes ? trimEnds(prefix(s, bytes: maxBytes)) : s
    }

    /// The longest prefix of whole characters within `bytes` UTF-8 bytes.
    static func prefix(_ s: String, bytes: Int) -> String {
        var cut = ""
        var used = 0
        for c in s {
            let n = c.utf8.count
            if used + n > bytes { break }
            cut.append(c)
            used += n
        }
        return cut
    }

    static func trimEnds(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, f == " " || f == "." { sub = sub.dropFirst() }
        while let l = sub.last, l == " " || l == "." { sub = sub.dropLast() }
        return String(sub)
    }
}
