import Foundation

/// The order of quality names, worst to best, per kind of media.
///
/// Video follows Radarr's default order (a superset of Sonarr's), with WEB-DL and WEBRip of one
/// resolution sharing a rank as both do. Music follows Lidarr's tiers (lossy by bitrate, then
/// lossless, then 24-bit). Books, audiobooks and comics have no quality in their names, only a
/// format, so their "quality" is the format. Profiles may order their allowed qualities
/// differently; this order is for validation, defaults and `profile show`.
public enum QualityRanking {
    /// Worst first; names in one inner list rank equal.
    public static let video: [[String]] = [
        ["Unknown"], ["WORKPRINT"], ["CAM"], ["TELESYNC"], ["TELECINE"], ["REGIONAL"], ["DVDSCR"], ["SDTV"], ["DVD"], ["DVD-R"],
        ["WEBDL-480p", "WEBRip-480p"], ["Bluray-480p"], ["Bluray-576p"],
        ["HDTV-720p"], ["WEBDL-720p", "WEBRip-720p"], ["Bluray-720p"],
        ["HDTV-1080p"], ["WEBDL-1080p", "WEBRip-1080p"], ["Bluray-1080p"], ["Remux-1080p"],
        ["HDTV-2160p"], ["WEBDL-2160p", "WEBRip-2160p"], ["Bluray-2160p"], ["Remux-2160p"],
        ["BR-DISK"], ["Raw-HD"],
    ]

    public static let music: [[String]] = [
        ["Unknown"],
        ["MP3-8", "MP3-16", "MP3-24", "MP3-32", "MP3-40", "MP3-48", "MP3-56", "MP3-64", "MP3-80", "WMA"],
        ["MP3-96", "MP3-112", "MP3-128", "OGG Vorbis Q5"],
        ["MP3-160", "MP3-192", "AAC-192", "OGG Vorbis Q6", "OGG Vorbis Q7"],
        ["MP3-VBR-V2", "MP3-224", "MP3-256", "AAC-256", "AAC-VBR", "OGG Vorbis Q8"],
        ["MP3-VBR-V0", "MP3-320", "AAC-320", "OGG Vorbis Q9", "OGG Vorbis Q10"],
        ["FLAC", "ALAC", "APE", "WavPack", "WAV"],
        ["FLAC 24bit", "ALAC 24bit"],
    ]

    public static let book: [[String]] = [["Unknown"], ["DJVU"], ["PDF"], ["MOBI", "AZW"], ["AZW3"], ["EPUB"]]
    public static let audiobook: [[String]] = [["Unknown"], ["MP3"], ["M4A"], ["M4B"]]
    public static let comic: [[String]] = [["Unknown"], ["PDF"], ["CB7"], ["CBR"], ["CBZ"]]

    /// Releases whose source is a theatre or a preview copy: never what anyone wants by default.
    public static let fakes: Set<String> = ["WORKPRINT", "CAM", "TELESYNC", "TELECINE", "REGIONAL", "DVDSCR"]

    /// Every known name once, in the order of the scales above.
    public static var allNames: [String] {
        var seen = Set<String>()
        return (video + music + book + audiobook + comic).flatMap { $0 }.filter { seen.insert($0).inserted }
    }

    /// The scale a kind of media is ranked on.
    public static func scale(for kind: ReleaseInfo.Kind) -> [[String]] {
        switch kind {
        case .music: return music
        case .book: return book
        case .audiobook: return audiobook
        case .comic: return comic
        case .episode, .movie, .unknown: return video
        }
    }

    /// Position on its scale (higher is better), or nil for a name the scale lacks.
    public static func rank(_ quality: String, kind: ReleaseInfo.Kind) -> Int? {
        scale(for: kind).firstIndex { $0.contains(quality) }
    }

    /// The exact spelling of a quality name typed in any case ("webdl-1080p" → "WEBDL-1080p").
    public static func canonical(_ name: String) -> String? {
        let lower = name.trimmingCharacters(in: .whitespaces).lowercased()
        return allNames.first { $0.lowercased() == lower }
    }
}
