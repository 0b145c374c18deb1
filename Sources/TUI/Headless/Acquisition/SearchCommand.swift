import ArgumentParser
import Engine
import Foundation

/// `search QUERY [--type T] [--season N] [--episode M] …`: every enabled indexer, judged by a profile.
struct SearchCommand: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the indexers and list releases with accept/reject reasons.",
        discussion: """
            Indexers are asked in parallel; one that fails is named on stderr and rests (see `indexer list`). \
            Releases are ranked by quality (the profile's order), term score, seeders, indexer priority and size. \
            The profile is --profile, else `default` (`music` for music, `any` for books, audiobooks and comics). \
            Exits 1 when no indexer answered. `grab N` downloads result N.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Words to search for.") var query: [String] = []
    @Option(name: .long, help: "tv, movie, music, book, audiobook or comic (a typed search where the indexer offers one).") var type: String?
    @Option(name: .long, help: "Season number (tv).") var season: Int?
    @Option(name: .long, help: "Episode number (tv, with --season).") var episode: Int?
    @Option(name: .long, help: "Year (movies).") var year: Int?
    @Option(name: .long, help: "IMDb id (tt0111161).") var imdb: String?
    @Option(name: .long, help: "TVDB id.") var tvdb: Int?
    @Option(name: .long, help: "TMDB id.") var tmdb: Int?
    @Option(name: .long, help: "Artist (music).") var artist: String?
    @Option(name: .long, help: "Album (music).") var album: String?
    @Option(name: .long, help: "Author (books).") var author: String?
    @Option(name: .long, help: "Newznab categories, e.g. 5040,5045 (default: the indexer's, else the type's family).") var categories: String?
    @Option(name: .customLong("indexer"), help: "Only this indexer (repeatable; asks it even while it rests).") var indexers: [String] = []
    @Option(name: .long, help: "Judge with this quality profile.") var profile: String?
    @Option(name: .long, help: "Results per page and indexer (capped by the indexer).") var limit: Int?
    @Option(name: .long, help: "Skip this many results first (paging).") var offset: Int = 0
    @Option(name: .long, help: "Pages to fetch from each indexer, 1–5.") var pages: Int = 1
    @Flag(name: .long, help: "Only accepted releases.") var accepted = false

    var wantedType: WantedType? {
        if let type { return WantedType(text: type) }
        return season != nil ? .tv : nil
    }

    func validate() throws {
        if let type, WantedType(text: type) == nil { throw ValidationError("--type '\(type)' must be one of tv, movie, music, book, audiobook, comic") }
        if episode != nil && season == nil { throw ValidationError("--episode needs --season") }
        if let t = wantedType, t != .tv, season != nil { throw ValidationError("--season is for tv") }
        if query.isEmpty && imdb == nil && tvdb == nil && tmdb == nil && artist == nil && author == nil {
            throw ValidationError("give words to search for, or an id (--imdb, --tvdb, --tmdb), --artist or --author")
        }
        if let categories { _ = try IndexerCommand.categories(categories) }
    }

    func execute() throws {
        let type = wantedType
        var q = IndexerQuery(function: type?.searchFunction ?? .search, text: query.isEmpty ? nil : query.joined(separator: " "))
        q.season = season
        q.episode = episode
        q.year = year
        q.imdbId = imdb
        q.tvdbId = tvdb
        q.tmdbId = tmdb
        q.artist = artist
        q.album = album
        q.author = author
        q.categories = try categories.map(IndexerCommand.categories) ?? []
        q.limit = limit
        q.offset = offset
        let result = try call(Methods.Search(query: q, type: type, profile: profile, indexers: indexers.isEmpty ? nil : indexers, pages: pages))
        for o in result.outcomes {
            if let m = o.message, o.status != "ok" { Console.error(m) }
            for d in o.dropped { Console.error("indexer \(o.indexer): left out \(d)") }
        }
        if global.json {
            var shown = result
            if accepted { shown.releases = shown.releases.filter(\.accepted) }
            try Console.writeJSON(shown)
        } else {
            if !result.releases.isEmpty { AcquisitionText.printDecisions(result.releases, showRejected: !accepted) }
            let ok = result.outcomes.filter { $0.status == "ok" }.count
            Console.out("\(plural(result.releases.count, "release")) from \(ok) of \(plural(result.outcomes.count, "indexer")), "
                        + "\(result.releases.filter(\.accepted).count) accepted by profile '\(result.profile)'")
        }
        if !result.outcomes.contains(where: { $0.status == "ok" }) { throw ExitCode(ExitStatus.failed) }
    }
}
