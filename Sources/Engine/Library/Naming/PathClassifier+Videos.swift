/// Online-video archives as yt-dlp and TubeArchivist write them:
/// `Channel/20240301 - Title [dQw4w9WgXcQ].mkv`.
///
/// The channel is the top folder (without a `[UC…]` channel id), the video id the 11
/// characters in the last square brackets, the upload date a `YYYYMMDD` or `YYYY-MM-DD`
/// before or after the title.
extension PathClassifier {
    static func video(folders: [String], stem: String) -> PathFacts {
        var facts = PathFacts(kind: .video)
        if let top = folders.first {
            let channel = PathText.removingGroups(top, "[", "]") { $0.count == 24 && $0.hasPrefix("UC") }
            facts.channel = PathText.nonEmpty(PathText.tidy(channel))
        }
        var text = stem.trimmingCharacters(in: .whitespaces)
        if text.last == "]", let open = text.lastIndex(of: "[") {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)]
            if isVideoId(inner) {
                facts.videoId = String(inner)
                text = String(text[..<open])
            }
        }
        let dated = datedTitle(text, dropping: facts.channel)
        facts.uploadDate = dated.date
        facts.title = dated.title
        return facts
    }

    /// YouTube ids: 11 characters of `A-Z a-z 0-9 - _`.
    static func isVideoId(_ s: Substring) -> Bool {
        s.count == 11 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}
