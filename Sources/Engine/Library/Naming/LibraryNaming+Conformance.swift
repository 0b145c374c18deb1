/// Whether a path already reads right, tolerating what the servers tolerate.
///
/// `library check` should list only paths a server would actually misread, not every path
/// that differs from the template: a film may carry a quality or version after its year, an
/// episode its title, a track its artist; music servers read tags before paths. So the path is
/// classified and compared with the item's facts (from tags and matched metadata) on what
/// identifies the item.
extension LibraryNaming {
    /// Whether a server reading `relativePath` would see the item `facts` describe.
    ///
    /// A fact that is known must be read from the path: a film's title and year (and stack
    /// part), an episode's show (from a show folder; a loose episode at the root is
    /// misread), season and episodes (or air date, or absolute numbers), an audiobook's
    /// author, title and series, a comic's series and number, a podcast's show, a video's
    /// channel. For tracks and books, whose servers read embedded tags first, only a path that
    /// contradicts the facts fails. Extras and samples conform while the path still marks
    /// them as such; photos always conform.
    public func conforms(relativePath: String, facts: PathFacts, type: LibraryType) -> Bool {
        let read = PathClassifier.classify(relativePath: relativePath, type: type)
        func known(_ want: String?, _ got: String?) -> Bool { want == nil || PathText.same(got, want) }
        func noConflict(_ want: String?, _ got: String?) -> Bool { want == nil || got == nil || PathText.same(got, want) }
        switch facts.kind {
        case .extra, .sample:
            return read.kind == .extra || read.kind == .sample
        case .photo:
            return true
        default:
            break
        }
        guard read.kind == facts.kind else { return false }
        switch facts.kind {
        case .movie:
            return known(facts.title, read.title) && (facts.year == nil || read.year == facts.year)
                && (facts.part == nil || read.part == facts.part)
        case .episode:
            guard PathText.components(of: relativePath).count >= 2, known(facts.series, read.series) else { return false }
            if let season = facts.season, !facts.episodes.isEmpty || read.season != nil, read.season != season { return false }
            if !facts.episodes.isEmpty { return Set(read.episodes) == Set(facts.episodes) }
            if let date = facts.airDate { return read.airDate == date }
            if !facts.absoluteEpisodes.isEmpty {
                return Set(read.absoluteEpisodes) == Set(facts.absoluteEpisodes) || Set(read.episodes) == Set(facts.absoluteEpisodes)
            }
            return true
        case .track:
            return noConflict(facts.title, read.title) && noConflict(facts.artist, read.artist) && noConflict(facts.album, read.album)
                && (facts.track == nil || read.track == nil || read.track == facts.track)
        case .audiobook:
            return known(facts.author, read.author) && known(facts.title, read.title) && known(facts.series, read.series)
        case .podcastEpisode:
            return known(facts.series, read.series)
        case .book:
            return noConflict(facts.title, read.title) && noConflict(facts.author, read.author)
        case .comic:
            return known(facts.series, read.series)
                && (facts.number == nil || read.number == facts.number.map(PathText.trimZeros))
                && (facts.volume == nil || facts.number != nil || read.volume == facts.volume)
        case .video:
            return known(facts.channel, read.channel) && (facts.videoId == nil || read.videoId == nil || read.videoId == facts.videoId)
        case .photo, .extra, .sample:
            return true
        }
    }
}
