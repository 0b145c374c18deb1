/// The ends of a name: the extension, site prefixes, a leading "[Group]", CRC hashes.
extension ReleaseScan {
    /// Cuts a known extension (".mkv", ".epub", ...) off `limit` and records it.
    func cutExtension(_ start: Int) {
        var p = limit - 1
        while p > start, limit - p <= 8 {
            let c = bytes[p]
            if c == UInt8(ascii: ".") {
                let e = ContainerExtension.from(bytes, p + 1, limit)
                if e != .none {
                    ext = e
                    limit = p
                }
                return
            }
            if !isAlnum(c) || c >= 0x80 { return }
            p -= 1
        }
    }

    /// "www.Site.com - ", "[ www.Site.com ] - ", "[Group] ", "[Group]_", a leading 6-digit date
    /// ("221208 Show ep34", Japanese variety shows), and "(Genre) [CD]" music prefixes.
    func scanPrefix() {
        var i = 0
        // Site prefixes
        if tokenIs(0, "www") || (tokens[0].depth > 0 && tokenIs(0, "www")) {
            var j = 1
            while j < tokens.count, !isDashGap(j), !(tokens[j].depth < tokens[0].depth) { j += 1 }
            if j < tokens.count {
                for k in 0..<j { tokens[k].role = .site }
                i = j
            }
        }
        // Bracketed prefixes: a group, a site, or tags
        while i < tokens.count, tokens[i].depth > 0, gapContainsAny(i, "[({") {
            var e = i
            while e + 1 < tokens.count, tokens[e + 1].depth >= tokens[i].depth, !gapContainsAny(e + 1, "])}") || tokens[e + 1].depth > tokens[i].depth { e += 1 }
            guard e + 1 < tokens.count else { break }
            let square = gapContains(i, UInt8(ascii: "["))
            var site = false, meta = false, numeric = true
            for k in i...e {
                if tokens[k].word?.kind == .site || isTopLevelDomain(k) { site = true }
                if let w = tokens[k].word, [.source, .videoCodec, .audioCodec, .hdr, .music].contains(w.kind) || (w.kind == .flag && w.value == Flag.bit24.rawValue) { meta = true }
                if resolution(of: k) != nil { meta = true }
                if !tokens[k].isNumber { numeric = false }
            }
            if !square && !site {
                // "(1995) Movie Name": a leading year stays for the year pass; "(Genre) Artist - Album" is dropped.
                if e == i, tokens[i].isNumber { break }
                if hint == .music || looksLikeGenre(i, e) { for k in i...e { tokens[k].role = .junk }; i = e + 1; continue }
                break
            }
            if site || numeric {
                for k in i...e { tokens[k].role = .site }
            } else if meta && !(leadingGroup.isEmpty && e - i >= 1 && !allMeta(i, e)) {
                // "[BD]", "[Dolby Vision]", "[TR24][OF]": tags, not a group; the meta pass reads them.
                if i == 0, !allMeta(i, e) { break }
                i = e + 1
                titleStartFloor = i
                continue
            } else if leadingGroup.isEmpty {
                leadingGroup = tokens[i].start..<tokens[e].end
                for k in i...e { tokens[k].role = .group }
                isAnimeStyle = true
            } else {
                for k in i...e { tokens[k].role = .junk }
            }
            i = e + 1
            // "[ www.Site.com ] - Show": the dash after a site goes too.
        }
        titleStart = max(i, titleStartFloor)
        if titleStart >= tokens.count { titleStart = max(0, tokens.count - 1) }
    }

    /// Japanese variety names start with the broadcast date: "221208 Show ep34".
    func scanVarietyPrefix() {
        if let t = token(titleStart), t.isNumber, t.length == 6, titleStart + 2 < tokens.count {
            let m = t.number / 100 % 100, d = t.number % 100
            if m >= 1, m <= 12, d >= 1, d <= 31, gapIs(titleStart + 1, 32) {
                tokens[titleStart].role = .date
                titleStart += 1
                isVariety = true
            }
        }
    }

    private func allMeta(_ from: Int, _ to: Int) -> Bool {
        for k in from...to {
            if let w = tokens[k].word, w.kind != .other, w.kind != .site { continue }
            if resolution(of: k) != nil || tokens[k].isNumber { continue }
            return false
        }
        return true
    }

    private func isTopLevelDomain(_ k: Int) -> Bool {
        guard k > 0, gapIs(k, UInt8(ascii: ".")) else { return false }
        return tokenIs(k, "com") || tokenIs(k, "org") || tokenIs(k, "net") || tokenIs(k, "pl") || tokenIs(k, "info")
            || tokenIs(k, "ru") || tokenIs(k, "to") || tokenIs(k, "cc") || tokenIs(k, "me") || tokenIs(k, "eu") || tokenIs(k, "io")
    }

    /// "(Heavy Metal)", "(Folk Rock / Pop)", "(Eclectic Progressive Rock)" in front of "Artist - Album".
    private func looksLikeGenre(_ i: Int, _ e: Int) -> Bool {
        var j = e + 1
        while j < tokens.count, tokens[j].depth > 0 || gapContains(j, UInt8(ascii: "[")) { j += 1 }
        while j < tokens.count {
            if isDashGap(j) { return true }
            j += 1
        }
        return false
    }

    /// "[6B7FD717]", "(0b0e2c10)": an 8-digit hexadecimal CRC in brackets.
    func markHashes() {
        for j in 0..<tokens.count where tokens[j].length == 8 && tokens[j].depth > 0 && tokens[j].ascii {
            let t = tokens[j]
            guard gapContainsAny(j, "[("), j + 1 >= tokens.count || gapContainsAny(j + 1, "])") else { continue }
            var hex = true, letters = 0
            for p in t.start..<t.end {
                let c = bytes[p] | 0x20
                if c &- 48 < 10 { continue }
                if c &- 97 < 6 { letters += 1; continue }
                hex = false
                break
            }
            if hex, letters > 0 || tokens.count > 2 {
                tokens[j].role = .hash
                tokens[j].strong = true
                hashMarked = true
            }
        }
    }
}
