/// Deciding what kind of media a name describes.
extension ReleaseScan {
    /// What the words say besides numbering: audio formats (music), book formats, video words.
    struct MediaEvidence {
        var music = 0
        var book: UInt8 = 0
        var audiobook = false
        var comic = false
        var video = false
    }

    func mediaEvidence() -> MediaEvidence {
        var e = MediaEvidence()
        for (j, t) in tokens.enumerated() {
            guard let w = t.word else {
                if t.role == .meta && t.strong, resolution(of: j) != nil { e.video = true }
                continue
            }
            switch w.kind {
            case .source:
                if w.value != SourceWord.web.rawValue, t.role == .meta { e.video = true }
            case .videoCodec, .hdr: if t.role == .meta { e.video = true }
            case .music: e.music += 2
            case .audioCodec:
                if w.value == 7 || w.value == 9 { e.music += 2 }   // FLAC, MP3
            case .book:
                e.book = e.book == 0 ? w.value : e.book
                if w.value == 7 { e.audiobook = true }
                if w.value == 5 || w.value == 6 || w.value == 10 { e.comic = true }
            case .flag:
                switch Flag(rawValue: w.value) {
                case .discography, .lossless, .vbr, .kbps, .v0, .vinyl, .bit24, .bit16, .tracks, .cue: e.music += 2
                case .cd, .album, .single: e.music += 1
                case .audiobook, .unabridged, .abridged: e.audiobook = true
                case .ebook, .retail: if e.book == 0 { e.book = 1 }
                case .comic: if tokenIs(j, "comic") || tokenIs(j, "comics") { e.comic = true }
                default: break
                }
            default: break
            }
        }
        if ext.isAudio { e.music += 3 }
        if ext.isVideo && ext != .ts { e.video = true }
        if ext == .m4b { e.audiobook = true }
        if ext.isBook {
            e.book = e.book == 0 ? 1 : e.book
            if ext == .cbz || ext == .cbr || ext == .cb7 { e.comic = true }
        }
        return e
    }

    /// Episode when there is numbering, then books, music, movies (a year or video words).
    func decideKind() {
        if let hint { info.type = hint; return }
        let numbered = !info.seasons.isEmpty || !info.episodes.isEmpty || !info.absoluteEpisodes.isEmpty || info.airDate != nil
        // Without a music, book or audiobook word or extension only video words could count,
        // and numbering or a year, source or resolution already decides: skip the token walk.
        if !seen.mediaWord && !ext.isAudio && !ext.isBook {
            if numbered { info.type = .episode; return }
            if info.year != nil || quality.source != nil || quality.resolution != 0 { info.type = .movie; return }
        }
        let e = mediaEvidence()
        if e.comic && !e.video { info.type = .comic; return }
        if e.audiobook && !e.video { info.type = .audiobook; return }
        if e.book != 0 && !e.video && !numbered { info.type = .book; return }
        if numbered { info.type = .episode; return }
        if e.music >= 2 && !e.video { info.type = .music; return }
        if info.year != nil || e.video || quality.source != nil || quality.resolution != 0 { info.type = .movie; return }
        info.type = .unknown
    }
}
