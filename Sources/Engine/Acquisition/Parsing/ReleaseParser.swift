#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a release name (or a file path) and says what it describes.
///
/// Hand-written passes over the name's UTF-8 bytes rather than a list of regular
/// expressions: the parser runs on every RSS item of every indexer, so it has to stay well
/// under a microsecond a name, and a scanner can weigh context ("German" is a language after
/// the title, a word inside it) that a regex table encodes only with many special cases.
///
///     let info = ReleaseParser.parse("[Fansub] Some Show - 012 [1080p].mkv")
///     info.absoluteEpisodes   // [12]
///     info.releaseGroup       // "Fansub"
public enum ReleaseParser {
    /// Parses a release name or a path. For a path, the file name is parsed; when it says
    /// nothing useful (an obfuscated or bare numbered name such as "01.mkv"), its folder's
    /// name is used, with the file's number as the episode.
    ///
    /// `hint` tells the parser what was searched for (a music search, a movie search); without
    /// it the kind is guessed from the name.
    public static func parse(_ name: String, hint: ReleaseInfo.Kind? = nil) -> ReleaseInfo {
        var name = name
        return name.withUTF8 { bytes in parse(bytes: bytes, hint: hint) }
    }

    /// Parses UTF-8 bytes (one line of input, without its newline).
    public static func parse(bytes: UnsafeBufferPointer<UInt8>, hint: ReleaseInfo.Kind? = nil) -> ReleaseInfo {
        // Names are short (paths at most PATH_MAX): longer input is cut, which also bounds the
        // passes that look ahead from every token.
        var end = min(bytes.count, 4096)
        while end > 0, bytes[end - 1] == 32 || bytes[end - 1] == 9 || bytes[end - 1] == 13 || bytes[end - 1] == 10 { end -= 1 }
        // Split off the last path component (either slash style); slashes inside brackets
        // ("(2024/S01E07/WEB-DL)") or with spaces around them ("Title / Other Title") are not
        // folder separators.
        var nameStart = 0
        var depth = 0
        var spaced = false
        var hasSlash = false
        if end > 0, let base = bytes.baseAddress {
            hasSlash = memchr(base, Int32(UInt8(ascii: "/")), end) != nil || memchr(base, Int32(UInt8(ascii: "\\")), end) != nil
        }
        for p in 0..<(hasSlash ? end : 0) {
            switch bytes[p] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "/"), UInt8(ascii: "\\"):
                if p > 0, p + 1 < end, bytes[p - 1] == 32 || bytes[p + 1] == 32 { spaced = true }
                if depth == 0 { nameStart = p + 1 }
            default: break
            }
        }
        if spaced { nameStart = 0 }
        // Most names are not paths: return the component's result as it is, without copies.
        if nameStart == 0 { return parseComponent(bytes, 0, end, hint: hint) }
        var info = parseComponent(bytes, nameStart, end, hint: hint)
        // A file that names no source ("group-title-1080p.mkv") takes it from its folder.
        if nameStart > 0, info.source == nil, !isUninformative(info), let folder = folderRange(bytes, nameStart) {
            let outer = parseComponent(bytes, folder.0, folder.1, hint: hint)
            if let source = outer.source, let dash = outer.quality.firstIndex(of: "-") {
                info.source = source
                info.quality = info.resolution.map { String(outer.quality[..<dash]) + "-" + $0 } ?? outer.quality
                info.releaseGroup = info.releaseGroup ?? outer.releaseGroup
            }
        }
        if nameStart > 0, isUninformative(info) {
            var folderEnd = nameStart - 1
            var folderStart = folderEnd
            while folderStart > 0, bytes[folderStart - 1] != UInt8(ascii: "/"), bytes[folderStart - 1] != UInt8(ascii: "\\") { folderStart -= 1 }
            while folderEnd > folderStart, bytes[folderEnd - 1] == 32 { folderEnd -= 1 }
            if folderEnd > folderStart {
                var folder = parseComponent(bytes, folderStart, folderEnd, hint: hint)
                // "921.mkv" in "Show 921-928": the file's own number is the episode.
                if let n = Int(info.title ?? ""), info.title!.count <= 4 {
                    if !folder.absoluteEpisodes.isEmpty || folder.type == .episode || folder.episodes.isEmpty {
                        folder.absoluteEpisodes = [n]
                        folder.episodes = []
                        folder.seasons = []
                        folder.fullSeason = false
                        folder.type = .episode
                    }
                }
                if folder.quality == "Unknown", info.quality != "Unknown" { folder.quality = info.quality }
                info = folder
            }
        }
        return info
    }

    private static func folderRange(_ bytes: UnsafeBufferPointer<UInt8>, _ nameStart: Int) -> (Int, Int)? {
        var folderEnd = nameStart - 1
        var folderStart = folderEnd
        while folderStart > 0, bytes[folderStart - 1] != UInt8(ascii: "/"), bytes[folderStart - 1] != UInt8(ascii: "\\") { folderStart -= 1 }
        while folderEnd > folderStart, bytes[folderEnd - 1] == 32 { folderEnd -= 1 }
        return folderEnd > folderStart ? (folderStart, folderEnd) : nil
    }

    /// Nothing but a title (and maybe a container guess): an obfuscated or numbered file name.
    private static func isUninformative(_ i: ReleaseInfo) -> Bool {
        i.seasons.isEmpty && i.episodes.isEmpty && i.absoluteEpisodes.isEmpty && i.airDate == nil && i.year == nil
            && i.resolution == nil && i.source == nil && i.releaseGroup == nil
    }

    static func parseComponent(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hint: ReleaseInfo.Kind?) -> ReleaseInfo {
        // At most one token per two bytes (a token and a separator), plus one.
        var info = ReleaseInfo()
        var state = ReleaseScan.State(limit: end)
        withUnsafeTemporaryAllocation(of: ReleaseToken.self, capacity: (end - start) / 2 + 2) { storage in
            withUnsafeMutablePointer(to: &info) { result in
                withUnsafeMutablePointer(to: &state) { state in
                    parseComponent(bytes, start, hint: hint, storage: storage, result: result, state: state)
                }
            }
        }
        return info
    }

    private static func parseComponent(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, hint: ReleaseInfo.Kind?,
                                       storage: UnsafeMutableBufferPointer<ReleaseToken>, result: UnsafeMutablePointer<ReleaseInfo>,
                                       state: UnsafeMutablePointer<ReleaseScan.State>) {
        state.pointee.hint = hint
        let base = storage.baseAddress!
        ReleaseScan(bytes: bytes, tokens: TokenList(base: base, count: 0), result: result, state: state).cutExtension(start)
        let count = ReleaseScan.tokenize(bytes, from: start, limit: state.pointee.limit, into: storage, seen: &state.pointee.seen)
        if count == 0 { return }
        let scan = ReleaseScan(bytes: bytes, tokens: TokenList(base: base, count: count), result: result, state: state)
        scan.readResolutions()
        if scan.seen.brackets || scan.tokenIs(0, "www") { scan.scanPrefix() }
        if scan.seen.numbers { scan.scanVarietyPrefix() }
        if scan.seen.brackets { scan.markHashes() }
        scan.scanMeta()
        let numbered = hint != .movie && hint != .music && hint != .book && hint != .audiobook && hint != .comic
        let explicit = numbered && scan.scanExplicitNumbering()
        if numbered {
            if scan.seen.dash { scan.claimDecimalSpecials() }
            let turkish = !explicit && (scan.seen.numberingWord || scan.seen.nonASCII) && scan.scanTurkishEpisodes()
            if !turkish && scan.seen.numbers { scan.scanDates() }
            // "Show 2015 02 09 s01e13": an air date before the numbering makes a daily release.
            if explicit, scan.info.airDate != nil, scan.dateComesFirst() {
                scan.info.seasons = []
                scan.info.episodes = []
            } else if explicit {
                scan.scanAbsoluteBesideMarker()
                // "Show (Season 2) - 33": a season and an absolute number
                if scan.info.episodes.isEmpty && scan.info.absoluteEpisodes.isEmpty { scan.scanAbsolute(allowBare: false) }
            } else if scan.info.airDate == nil && !turkish {
                if !scan.scanPrefixedEpisodes(variety: scan.isVariety) {
                    if !(scan.seen.partWord && scan.scanPartEpisodes()), scan.isAnimeStyle || !scan.scanSceneNumbers() { scan.scanAbsolute() }
                }
            }
        } else if scan.seen.numbers {
            scan.scanDates()
        }
        if !scan.info.episodes.isEmpty || !scan.info.absoluteEpisodes.isEmpty { scan.info.fullSeason = false }
        scan.scanYear()
        if scan.seen.editionWord { scan.scanEdition() }
        scan.scanTitle()
        scan.decideKind()
        if scan.info.type == .music || scan.info.type == .book || scan.info.type == .audiobook || scan.info.type == .comic {
            scan.scanMedia()
        }
        scan.scanReleaseGroup()
        if scan.info.type != .music { scan.resolveQuality() }
    }
}
