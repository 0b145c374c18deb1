import Foundation

/// Release words (resolutions, sources, codecs, flags) that end a title in a name.
///
/// "Show - S01E02 - Pilot WEBDL-1080p Proper" and "Show.S01E02.Pilot.720p.HDTV.x264-GRP"
/// both carry the episode title "Pilot": the title stops at the first release word.
extension PathText {
    /// Words that are never part of a title.
    static let strongMeta: Set<String> = [
        "hdtv", "pdtv", "sdtv", "hdtvrip", "webdl", "web-dl", "webrip", "web-rip", "webdlrip", "bluray", "blu-ray",
        "bdrip", "brrip", "bdremux", "remux", "dvdrip", "dvdr", "dvd-r", "dvd5", "dvd9", "hddvd", "hd-dvd", "rawhd",
        "raw-hd", "br-disk", "bdmv", "telesync", "telecine", "hdcam", "hdrip", "x264", "x265", "h264", "h265",
        "h.264", "h.265", "hevc", "avc", "xvid", "divx", "av1", "vp9", "10bit", "8bit", "hdr10", "hdr10+", "aac",
        "aac2.0", "ac3", "eac3", "dd5.1", "ddp5.1", "dd+", "ddp", "truehd", "atmos", "dts-hd", "dts-x", "flac",
        "amzn", "dsnp", "hmax", "atvp", "hulu", "pcok", "2160p", "1080p", "1080i", "720p", "576p", "480p",
    ]
    /// Words that are release words only beside another one ("Web" alone may be a title).
    static let weakMeta: Set<String> = [
        "web", "dvd", "cam", "ts", "hd", "sd", "uhd", "4k", "hdr", "dv", "dts", "nf", "proper", "repack",
        "internal", "real", "rerip", "multi", "dual", "subbed", "dubbed", "complete",
    ]
    /// Codecs, which name a release group after a dash ("x264-GRP").
    static let codecWords: Set<String> = ["x264", "x265", "h264", "h265", "hevc", "avc", "xvid", "divx", "av1", "aac", "ac3", "dts", "flac"]

    static let bracketSet = CharacterSet(charactersIn: "()[]{}")

    static func isResolution<S: StringProtocol>(_ w: S) -> Bool {
        guard w.count >= 4, let last = w.last, last == "p" || last == "i" else { return false }
        return w.dropLast().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Whether `word` (lowercased) is a release word, given the word after it (lowercased).
    static func isMeta(_ word: String, next: String?) -> Bool {
        if isResolution(word) || strongMeta.contains(word) { return true }
        if let dash = word.firstIndex(of: "-") {
            let head = String(word[..<dash])
            let tail = word[word.index(after: dash)...]
            // Quality names ("WEBDL-1080p", "HDTV-720p") and codec-group ends ("x264-GRP").
            if (strongMeta.contains(head) || weakMeta.contains(head)) && isResolution(tail) { return true }
            if codecWords.contains(head) { return true }
        }
        if word.count == 2, word.first == "v", word.last?.isNumber == true {
            return next.map { isMeta($0, next: nil) } ?? true
        }
        if weakMeta.contains(word) {
            if let next { return isMeta(next, next: nil) || weakMeta.contains(next) }
            return word == "dvd"
        }
        return false
    }

    /// The words of `text` before its first release word, tidied; nil when none remain.
    static func beforeMeta(_ text: String) -> String? {
        let words = tidy(text).split(separator: " ").map(String.init)
        let lower = words.map { $0.lowercased().trimmingCharacters(in: bracketSet) }
        var end = words.count
        for i in lower.indices where isMeta(lower[i], next: i + 1 < lower.count ? lower[i + 1] : nil) {
            end = i
            break
        }
        return nonEmpty(trimSeparators(words[..<end].joined(separator: " ")))
    }
}
