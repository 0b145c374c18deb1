import Foundation

/// Where a downloaded episode goes: `Show/YYYY-MM-DD - Title.ext` inside the podcasts library,
/// the layout `PathClassifier` reads back (series = show, air date, title).
///
/// Both parts come from the feed, so both are `PathComponent.finish`ed: no `/`, no `..`, no
/// control characters, at most 255 bytes with the date and extension counted.
enum PodcastNaming {
    static func folder(_ title: String) -> String {
        let f = PathComponent.finish(title)
        return f.isEmpty ? "Podcast" : f
    }

    static func fileName(title: String, published: Date?, fallbackDate: Date, enclosureURL: String, contentType: String?) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd"
        let prefix = f.string(from: published ?? fallbackDate) + " - "
        let ext = "." + fileExtension(url: enclosureURL, type: contentType)
        var name = PathComponent.finish(title, maxBytes: PathComponent.maxBytes - prefix.utf8.count - ext.utf8.count - 8)
        if name.isEmpty { name = "Episode" }
        return prefix + name + ext
    }

    /// The URL path's extension when it is a media one, else one for the MIME type, else mp3.
    static func fileExtension(url: String, type: String?) -> String {
        let path = URLComponents(string: url)?.path ?? ""
        let ext = (path as NSString).pathExtension.lowercased()
        if !ext.isEmpty, LibraryType.podcasts.extensions.contains(ext) { return ext }
        switch type?.lowercased().split(separator: ";").first.map({ $0.trimmingCharacters(in: .whitespaces) }) {
        case "audio/mp4", "audio/x-m4a", "audio/m4a", "audio/aac": return "m4a"
        case "video/mp4", "video/x-m4v": return "mp4"
        case "audio/ogg", "application/ogg": return "ogg"
        case "audio/opus": return "opus"
        case "audio/flac", "audio/x-flac": return "flac"
        case "audio/wav", "audio/x-wav": return "wav"
        case "video/webm", "audio/webm": return "webm"
        default: return "mp3"
        }
    }
}
