/// Extras and samples beside films and episodes, which servers keep out of the main list.
///
/// Jellyfin and Plex read them from folders (`Featurettes/`, `Behind The Scenes/`) and from
/// name suffixes (`Movie-trailer.mkv`); release samples come as `Sample/` folders or
/// `-sample` names. An extra is never renamed: it stays beside what it belongs to.
extension PathClassifier {
    /// Folder names (lowercased) that hold extras, and the extra type each means.
    static let extraFolders: [String: String] = [
        "extras": "other", "extra": "other", "featurettes": "featurette", "behind the scenes": "behindthescenes",
        "deleted scenes": "deleted", "interviews": "interview", "scenes": "scene", "shorts": "short",
        "trailers": "trailer", "other": "other", "others": "other", "clips": "other",
    ]

    /// Name suffixes after a dash, and the extra type each means (Jellyfin's and Plex's list).
    static let extraSuffixes: [(word: String, type: String)] = [
        ("behindthescenes", "behindthescenes"), ("deletedscene", "deleted"), ("featurette", "featurette"),
        ("interview", "interview"), ("trailer", "trailer"), ("deleted", "deleted"), ("scene", "scene"),
        ("short", "short"), ("other", "other"), ("extra", "other"), ("clip", "other"),
    ]

    /// The extra type and the extra's own title, or nil for a main item. The top folder is
    /// the show or film itself (there is a series called "Extras"), so it is not read.
    static func extra(folders: [String], stem: String) -> (type: String, title: String?)? {
        let lower = stem.lowercased()
        if lower == "sample" { return ("sample", nil) }
        for sep in ["-", ".", "_"] {
            if lower.hasSuffix(sep + "sample") {
                return ("sample", PathText.nonEmpty(PathText.tidy(stem.dropLast(7))))
            }
            if lower.hasPrefix("sample" + sep) {
                return ("sample", PathText.nonEmpty(PathText.tidy(stem.dropFirst(7))))
            }
        }
        // A sample folder anywhere below the top.
        if folders.dropFirst().contains(where: { ["sample", "samples"].contains($0.lowercased()) }) {
            return ("sample", PathText.nonEmpty(PathText.tidy(stem)))
        }
        if lower == "trailer" { return ("trailer", nil) }
        // Suffixes: "-trailer" for all, ".trailer" and "_trailer" too (Jellyfin's rules).
        for (word, type) in extraSuffixes {
            let dotted = word == "trailer"
            for sep in dotted ? ["-", ".", "_"] : ["-"] where lower.hasSuffix(sep + word) {
                let title = stem.dropLast(word.count + 1)
                return (type, PathText.nonEmpty(PathText.tidy(title)))
            }
        }
        for folder in folders.dropFirst().reversed() {
            if let type = extraFolders[PathText.tidy(folder).lowercased()] {
                return (type, PathText.nonEmpty(PathText.tidy(stem)))
            }
        }
        return nil
    }
}
