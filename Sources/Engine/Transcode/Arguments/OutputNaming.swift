import Foundation

/// Where a job's files go: the target beside the input, the temporary file beside the
/// target (`.NAME.seedtui-tmp.EXT`, hidden, on the same file system so the final rename is
/// atomic), and subtitle sidecars (`NAME.LANG.srt`).
public enum OutputNaming {
    public static let tempMarker = ".seedtui-tmp."

    /// The container a recipe writes for an input: its own, else the input's when ffmpeg can
    /// write it, else Matroska.
    public static func container(for recipe: TranscodeRecipe, input: String) -> String {
        if let c = recipe.container { return c }
        let ext = (input as NSString).pathExtension.lowercased()
        switch ext {
        case "mkv", "mp4", "opus": return ext
        case "m4v", "mov": return "mp4"
        default: return "mkv"
        }
    }

    /// The main output's path. Beside the input with the container's extension; when that is
    /// the input itself and the original is kept, `NAME.SUFFIX.EXT` (the preset's name).
    public static func target(input: String, container: String, replace: Bool, suffix: String) -> String {
        let dir = (input as NSString).deletingLastPathComponent
        let base = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        let ext = RecipeContainers.ext(container)
        let plain = (dir as NSString).appendingPathComponent("\(base).\(ext)")
        if plain == input && !replace {
            return (dir as NSString).appendingPathComponent("\(base).\(suffix).\(ext)")
        }
        return plain
    }

    /// `/d/.movie.seedtui-tmp.mkv` for `/d/movie.mkv`.
    public static func temp(for target: String) -> String {
        let dir = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        let ext = (name as NSString).pathExtension
        let base = (name as NSString).deletingPathExtension
        return (dir as NSString).appendingPathComponent(".\(base)\(tempMarker)\(ext.isEmpty ? "tmp" : ext)")
    }

    public static func isTemp(_ path: String) -> Bool {
        (path as NSString).lastPathComponent.hasPrefix(".") && path.contains(tempMarker)
    }

    /// Sidecar names for text subtitle streams: `movie.eng.srt`, `movie.eng.forced.srt`,
    /// `movie.2.srt` without a language; a repeated name gets the stream number.
    public static func sidecars(input: String, streams: [ProbeStream]) -> [String] {
        let dir = (input as NSString).deletingLastPathComponent
        let base = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        var used = Set<String>()
        return streams.map { s in
            var parts = [base]
            parts.append(s.language.map(LanguageCode.canonical) ?? String(s.index))
            if s.isForced { parts.append("forced") }
            var name = parts.joined(separator: ".") + ".srt"
            if used.contains(name) { name = (parts + [String(s.index)]).joined(separator: ".") + ".srt" }
            used.insert(name)
            return (dir as NSString).appendingPathComponent(name)
        }
    }

    /// What a sidecars-only job is listed under before its streams are known: `movie.*.srt`.
    public static func sidecarPattern(input: String) -> String {
        let dir = (input as NSString).deletingLastPathComponent
        let base = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
        return (dir as NSString).appendingPathComponent("\(base).*.srt")
    }
}

/// Extension and muxer of each container a recipe may name.
public enum RecipeContainers {
    public static let all = ["mkv", "mp4", "opus"]

    public static func ext(_ container: String) -> String { container }

    public static func muxer(_ container: String) -> String {
        switch container {
        case "mp4": "mp4"
        case "opus": "opus"
        default: "matroska"
        }
    }
}
