import Foundation

/// Text operations the path classifiers share: splitting a path, tidying words, finding
/// years, ids and editions in brackets.
///
/// Paths are hostile input (any UTF-8, control characters, 10 KB names), so every operation
/// here is a forward pass over a capped string and none can trap.
enum PathText {
    /// Characters of one component that are read; the rest of a longer component is ignored
    /// (file systems allow 255 bytes, so only made-up names are cut).
    static let maxCharacters = 1024

    /// The path's components: split on "/", empty, "." and ".." parts dropped, control
    /// characters turned into spaces, each trimmed and capped at `maxCharacters`.
    static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).compactMap { part in
            let s = scrub(part)
            return s.isEmpty || s == "." || s == ".." ? nil : s
        }
    }

    /// Control characters become spaces; the result is trimmed and capped.
    static func scrub(_ s: Substring) -> String {
        var out = ""
        var n = 0
        for c in s {
            if n == maxCharacters { break }
            out.append(isControl(c) ? " " : c)
            n += 1
        }
        return out.trimmingCharacters(in: .whitespaces)
    }

    static func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
    }

    /// Splits "name.ext" into the stem and the lowercased extension. Only a short run of ASCII
    /// letters and digits with at least one letter counts as an extension, and not a resolution
    /// ("Title.1080p"), so a dotted scene name without extension keeps its last word.
    static func splitExtension(_ name: String) -> (stem: String, ext: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        let ext = name[name.index(after: dot)...]
        let ascii = ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let resolution = ext.count >= 4 && ext.dropLast().allSatisfy(\.isNumber) && (ext.last == "p" || ext.last == "i")
        guard (1...5).contains(ext.count), ascii, ext.contains(where: \.isLetter), !resolution else { return (name, "") }
        return (String(name[..<dot]), ext.lowercased())
    }

    /// Characters trimmed from both ends of a title.
    static let separators: Set<Character> = [" ", "-", "_", ".", ",", ";", ":", "~", "–", "—"]

    /// The words of a name as people write them: underscores, and dots when the name has no
    /// spaces of its own (scene style), become spaces; runs of spaces collapse; separators at
    /// either end go.
    static func tidy<S: StringProtocol>(_ s: S) -> String {
        let spaced = s.contains(" ")
        var out = ""
        var pending = false
        for c in s {
            let blank = c == "_" || (!spaced && c == ".") || c.isWhitespace || isControl(c)
            if blank { pending = !out.isEmpty; continue }
            if pending { out.append(" "); pending = false }
            out.append(c)
        }
        return trimSeparators(out)
    }

    static func trimSeparators(_ s: String) -> String {
        var sub = Substring(s)
        while let f = sub.first, separators.contains(f) { sub = sub.dropFirst() }
        while let l = sub.last, separators.contains(l) { sub = sub.dropLast() }
        return String(sub)
    }

    /// nil for an empty string.
    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }

    static func isYear(_ n: Int) -> Bool { (1870...2100).contains(n) }

    /// Removes every `open…close` group whose content satisfies `drop`; an unclosed group
    /// and everything after it stay.
    static func removingGroups(_ s: String, _ open: Character, _ close: Character,
                               where drop: (Substring) -> Bool = { _ in true }) -> String {
        guard s.contains(open) else { return s }
        var out = ""
        var rest = Substring(s)
        while let o = rest.firstIndex(of: open) {
            guard let c = rest[o...].firstIndex(of: close) else { break }
            out += rest[..<o]
            let inner = rest[rest.index(after: o)..<c]
            if !drop(inner) { out += rest[o...c] }
            rest = rest[rest.index(after: c)...]
        }
        out += rest
        return out
    }

    /// The groups `open…close` in order, without their brackets.
    static func groups(_ s: String, _ open: Character, _ close: Character) -> [Substring] {
        var found: [Substring] = []
        var rest = Substring(s)
        while let o = rest.firstIndex(of: open), let c = rest[o...].firstIndex(of: close) {
            found.append(rest[rest.index(after: o)..<c])
            rest = rest[rest.index(after: c)...]
        }
        return found
    }

    /// Database ids servers read from names: `[tvdbid-123]`, `{tmdb-456}`, `[imdbid-tt0123]`.
    static func isIdTag(_ inner: Substring) -> Bool {
        let lower = inner.lowercased()
        for prefix in ["tvdb", "tmdb", "imdb", "tvmaze", "anidb", "anilist", "tvrage", "mal"] where lower.hasPrefix(prefix) {
            var rest = lower.dropFirst(prefix.count)
            if rest.hasPrefix("id") { rest = rest.dropFirst(2) }
            if let f = rest.first, f == "-" || f == "=" || f == ":" || f == " ", rest.count > 1 { return true }
        }
        return false
    }

    /// The name without database id tags in square brackets or braces.
    static func removingIdTags(_ s: String) -> String {
        let a = removingGroups(s, "[", "]", where: isIdTag)
        return removingGroups(a, "{", "}", where: isIdTag)
    }

    /// Plex's `{edition-Director's Cut}`: the name without it, and the edition.
    static func extractEdition(_ s: String) -> (rest: String, edition: String?) {
        var edition: String?
        let rest = removingGroups(s, "{", "}") { inner in
            guard inner.lowercased().hasPrefix("edition-") else { return false }
            let value = tidy(inner.dropFirst(8))
            if edition == nil, !value.isEmpty { edition = value }
            return true
        }
        return (rest, edition)
    }

    /// The last `(YYYY)` in the name: the text before it, the year, the text after it.
    static func parenYear(_ s: String) -> (before: String, year: Int, after: String)? {
        let n = NameChars(s)
        var i = n.count - 6
        while i >= 0 {
            if n.lower(i) == 40, n.lower(i + 5) == 41, let (y, e) = n.number(at: i + 1, max: 4), e == i + 5, isYear(y) {
                return (n.string(0..<i), y, n.string(i + 6..<n.count))
            }
            i -= 1
        }
        return nil
    }

    /// A key for comparing names the way a person would: case, accents, punctuation and
    /// spacing ignored ("Mission: Impossible" matches "Mission - Impossible").
    static func key(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "" }
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        for u in folded.unicodeScalars where CharacterSet.alphanumerics.contains(u) { out.append(u) }
        return String(out)
    }

    /// Whether two names are the same name by `key`; false when either is empty.
    static func same(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        let ka = key(a)
        let kb = key(b)
        if ka.isEmpty && kb.isEmpty {
            // Names of punctuation only ("!!!"): compare them as written.
            let ta = a.trimmingCharacters(in: .whitespaces)
            return !ta.isEmpty && ta == b.trimmingCharacters(in: .whitespaces)
        }
        return ka == kb
    }

    /// A number with its leading zeros dropped ("012" → "12", "000" → "0", "01.5" → "1.5").
    static func trimZeros(_ s: String) -> String {
        var sub = Substring(s)
        while sub.count > 1, sub.first == "0", let next = sub.dropFirst().first, next.isNumber { sub = sub.dropFirst() }
        return String(sub)
    }

    /// A series index as people write it: 1 → "1", 1.5 → "1.5".
    static func formatIndex(_ d: Double) -> String {
        guard d.isFinite else { return "" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return String(d)
    }
}
