/// Rendering: values in, one clean component per folder level out.
///
/// Cleanup works on the template's own text only (a value is never edited beyond
/// sanitizing), so a title that happens to contain `()` or ` - ` survives intact.
extension NamingTemplate {
    /// A rendered piece of one component.
    private enum Piece {
        case literal(String)
        case value(String)
        case empty
    }

    /// The components for `values`, the last kept `reserve` bytes short of the limit (for the
    /// suffix and extension a caller appends).
    func renderComponents(_ values: NamingValues, reservingInLast reserve: Int) -> [String] {
        var components: [[Piece]] = [[]]
        var previousLiteral = ""
        for segment in segments {
            switch segment {
            case .literal(let text):
                let parts = text.split(separator: "/", omittingEmptySubsequences: false)
                components[components.count - 1].append(.literal(String(parts[0])))
                for part in parts.dropFirst() { components.append([.literal(String(part))]) }
                previousLiteral = text
            case .token(let token, let width):
                let v = PathComponent.sanitize(value(token, width: width, values, after: previousLiteral))
                components[components.count - 1].append(v.isEmpty ? .empty : .value(v))
                previousLiteral = ""
            }
        }
        var out: [String] = []
        for (index, pieces) in components.enumerated() {
            let hasToken = pieces.contains { if case .literal = $0 { return false } else { return true } }
            let hasValue = pieces.contains { if case .value = $0 { return true } else { return false } }
            // A level made only of empty tokens vanishes: "{Series}/" without a series.
            if hasToken && !hasValue { continue }
            var items: [(isValue: Bool, text: String)] = []
            for piece in pieces {
                switch piece {
                case .literal(let s):
                    if let last = items.last, !last.isValue { items[items.count - 1].text += s } else { items.append((false, s)) }
                case .value(let v): items.append((true, v))
                case .empty: continue
                }
            }
            for k in items.indices where !items[k].isValue {
                var t = Self.normalizeSeparators(Self.removingEmptyBrackets(items[k].text))
                if !items[..<k].contains(where: \.isValue) { t = Self.trimSeparators(t, leading: true) }
                if !items[(k + 1)...].contains(where: \.isValue) { t = Self.trimSeparators(t, leading: false) }
                items[k].text = t
            }
            let limit = max(1, PathComponent.maxBytes - (index == components.count - 1 ? max(0, reserve) : 0))
            // Too long: the longest value gives way, so the year, brackets and separators the
            // template puts around it stay.
            for _ in 0..<8 {
                let total = items.reduce(0) { $0 + $1.text.utf8.count }
                let values = items.indices.filter { items[$0].isValue }
                guard total > limit, let k = values.max(by: { items[$0].text.utf8.count < items[$1].text.utf8.count }) else { break }
                let keep = max(0, items[k].text.utf8.count - (total - limit))
                items[k].text = PathComponent.trimEnds(PathComponent.prefix(items[k].text, bytes: keep))
            }
            let component = PathComponent.finish(items.map(\.text).joined(), maxBytes: limit)
            if !component.isEmpty { out.append(component) }
        }
        return out
    }

    /// One token's text, before sanitizing. `after` is the template text just before the
    /// token: its last letter ("E" in `S{season:00}E{episode:00}`) is repeated between the
    /// episodes of a multi-episode file.
    private func value(_ token: Token, width: Int, _ v: NamingValues, after: String) -> String {
        func num(_ n: Int?) -> String { n.map { Self.pad(String($0), width) } ?? "" }
        switch token {
        case .movieTitle, .title: return v.title ?? ""
        case .year: return v.year.map(String.init) ?? ""
        case .edition: return v.edition ?? ""
        case .qualityFull: return v.qualityFull ?? ""
        case .seriesTitle: return v.seriesTitle ?? ""
        case .season: return num(v.season)
        case .episode:
            let letter = after.last.map { $0.isLetter ? String($0) : "" } ?? ""
            return Self.episodes(v.episodes, width: width, letter: letter)
        case .episodeTitle: return v.episodeTitle ?? ""
        case .airDate: return v.airDate ?? ""
        case .artist: return v.artist ?? ""
        case .albumArtist: return v.albumArtist ?? v.artist ?? ""
        case .album: return v.album ?? ""
        case .track: return num(v.track)
        case .disc: return num(v.disc)
        case .author: return v.author ?? ""
        case .series: return v.series ?? ""
        case .seriesIndex: return v.seriesIndex.map { Self.pad(PathText.formatIndex($0), width) } ?? ""
        case .number: return v.number.map { Self.pad($0, width) } ?? ""
        case .channel: return v.channel ?? ""
        case .uploadDate: return v.uploadDate ?? ""
        case .videoId: return v.videoId ?? ""
        }
    }

    /// `[1, 2]` → "01-E02" (a range, as Sonarr's prefixed range), `[1, 3]` → "01E03" (a list).
    static func episodes(_ list: [Int], width: Int, letter: String) -> String {
        let sorted = Array(Set(list)).sorted()
        guard let first = sorted.first, let last = sorted.last else { return "" }
        if sorted.count == 1 { return pad(String(first), width) }
        if last - first + 1 == sorted.count { return pad(String(first), width) + "-" + letter + pad(String(last), width) }
        return sorted.map { pad(String($0), width) }.joined(separator: letter.isEmpty ? "-" : letter)
    }

    /// Zero-pads the leading digits of `text` to `width` ("12" → "012", "1.5" → "01.5").
    static func pad(_ text: String, _ width: Int) -> String {
        var sign = ""
        var body = Substring(text)
        if body.first == "-" { sign = "-"; body = body.dropFirst() }
        let digits = body.prefix { $0.isASCII && $0.isNumber }.count
        guard digits > 0, digits < width else { return text }
        return sign + String(repeating: "0", count: width - digits) + body
    }

    /// Template text without bracket pairs left empty by a missing value: "Alien ()" → "Alien ".
    static func removingEmptyBrackets(_ text: String) -> String {
        var chars = Array(text)
        var changed = true
        while changed {
            changed = false
            var i = 0
            while i < chars.count {
                let close: Character? = chars[i] == "(" ? ")" : chars[i] == "[" ? "]" : chars[i] == "{" ? "}" : nil
                if let close {
                    var j = i + 1
                    while j < chars.count, chars[j] == " " { j += 1 }
                    if j < chars.count, chars[j] == close {
                        chars.removeSubrange(i...j)
                        changed = true
                        continue
                    }
                }
                i += 1
            }
        }
        return String(chars)
    }

    /// Runs of spaces become one; a run of spaces and dashes with both becomes " - ".
    static func normalizeSeparators(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            if run.contains(" ") { out += run.contains("-") ? " - " : " " } else { out += run }
            run = ""
        }
        for c in text {
            if c == " " || c == "-" { run.append(c) } else { flush(); out.append(c) }
        }
        flush()
        return out
    }

    /// Separators at one end of template text that no value stands beside.
    static func trimSeparators(_ text: String, leading: Bool) -> String {
        let seps: Set<Character> = [" ", "-", "_", ".", ",", "–", "—", "#"]
        var sub = Substring(text)
        if leading {
            while let f = sub.first, seps.contains(f) { sub = sub.dropFirst() }
        } else {
            while let l = sub.last, seps.contains(l) { sub = sub.dropLast() }
        }
        return String(sub)
    }
}
