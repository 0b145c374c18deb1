import ArgumentParser
import Engine
import Foundation

/// `wanted add|list|remove|search`: what to acquire, and searching the indexers for it.
struct WantedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wanted",
        abstract: "What to acquire: films, episodes, seasons, albums, books.",
        subcommands: [Add.self, List.self, Remove.self, Search.self])

    struct Add: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Want something: `wanted add tv 'Harbor Lights' --season 2 --episode 5`.",
            discussion: "Without --episode a tv item wants the whole season; without --season, the series.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "tv, movie, music, book, audiobook or comic.") var type: String
        @Argument(help: "The title (for music 'Artist - Album', for books 'Author - Title').") var title: [String]
        @Option(name: .long, help: "Year.") var year: Int?
        @Option(name: .long, help: "Season (tv).") var season: Int?
        @Option(name: .long, help: "Episode (tv, with --season).") var episode: Int?
        @Option(name: .long, help: "Quality profile (default: the type's built-in one).") var profile: String?
        @Option(name: .long, help: "IMDb id.") var imdb: String?
        @Option(name: .long, help: "TVDB id.") var tvdb: Int?
        @Option(name: .long, help: "TMDB id.") var tmdb: Int?

        func validate() throws {
            if WantedType(text: type) == nil { throw ValidationError("'\(type)' must be one of tv, movie, music, book, audiobook, comic") }
            if title.isEmpty { throw ValidationError("give a title") }
        }

        func execute() throws {
            let item = try call(Methods.WantedAdd(type: WantedType(text: type)!, title: title.joined(separator: " "), year: year,
                                                  season: season, episode: episode, profile: profile, imdbId: imdb, tvdbId: tvdb, tmdbId: tmdb))
            if global.json { try Console.writeJSON(item); return }
            Console.out(TerminalText.inert("wanted #\(item.id ?? 0): \(item.type.rawValue) \(item.label) (profile \(item.profile ?? "default for \(item.type.rawValue)"))"))
        }
    }

    struct List: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "List wanted items.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "Only this type.") var type: String?
        @Option(name: .long, help: "Only this status: wanted, grabbed or imported.") var status: String?

        func validate() throws {
            if let type, WantedType(text: type) == nil { throw ValidationError("--type must be one of tv, movie, music, book, audiobook, comic") }
            if let status, WantedItem.Status(rawValue: status) == nil { throw ValidationError("--status must be wanted, grabbed or imported") }
        }

        func execute() throws {
            let items = try call(Methods.WantedList(type: type.flatMap(WantedType.init(text:)), status: status.flatMap(WantedItem.Status.init(rawValue:))))
            if global.json { try Console.writeJSON(items); return }
            var table = Table([.init(title: "ID", alignRight: true), .init(title: "TYPE"), .init(title: "TITLE", flexible: true),
                               .init(title: "PROFILE"), .init(title: "STATUS"), .init(title: "ON DISK"), .init(title: "ADDED")])
            for i in items {
                table.add([String(i.id ?? 0), i.type.rawValue, i.label, i.profile ?? "(default)", i.status.rawValue,
                           i.currentQuality ?? "-", AcquisitionText.time(i.addedAt)])
            }
            table.print()
            if items.isEmpty { Console.out("nothing wanted; `wanted add TYPE TITLE` adds something") }
        }
    }

    struct Remove: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Stop wanting an item.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The item's id from `wanted list`.") var id: Int64

        func execute() throws {
            _ = try call(Methods.WantedRemove(id: id))
            try done("wanted #\(id) removed")
        }
    }
    struct Search: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the indexers for wanted items now and grab the best accepted release of each.",
            discussion: "Without ids: every item still wanting something (nothing yet, or an upgrade below its cutoff).")
        @OptionGroup var global: GlobalOptions
        @Flag(name: .long, help: "Only items with nothing grabbed or imported (no upgrades).") var missing = false
        @Argument(help: "Wanted ids (default: all).") var ids: [Int64] = []

        func execute() throws {
            let report = try call(Methods.WantedSearch(ids: ids, missing: missing))
            try AcquisitionText.finish(report, json: global.json)
        }
    }
}
