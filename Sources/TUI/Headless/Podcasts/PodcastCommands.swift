import ArgumentParser
import Engine
import Foundation

/// `podcast add|list|remove|refresh|edit|episodes|import-opml`.
struct PodcastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "podcast",
        abstract: "Podcast subscriptions: new episodes downloaded into the podcasts library.",
        discussion: """
            Episodes go to the first podcasts library (`library add PATH --type podcasts`) as \
            Show/YYYY-MM-DD - Title.ext and are catalogued at once. Feeds are read every \
            podcast_refresh_interval (default 1h). Retention deletes only downloads this engine made.
            """,
        subcommands: [Add.self, ListPodcasts.self, Remove.self, Refresh.self, Edit.self, Episodes.self, ImportOPML.self],
        defaultSubcommand: ListPodcasts.self)

    /// Retention options shared by `add`, `edit` and `import-opml`.
    struct Retention: ParsableArguments {
        @Option(name: .long, help: "Keep the newest N downloaded episodes (older downloads are deleted).") var keep: Int?
        @Option(name: .customLong("max-age"), help: "Neither download nor keep episodes older than this (30d, 12h).") var maxAge: String?

        func validate() throws {
            if let keep, keep < 0 { throw ValidationError("--keep must be a number of episodes") }
            if let maxAge, Units.parseDuration(maxAge) == nil { throw ValidationError("--max-age '\(maxAge)' is not a duration such as 30d or 12h") }
        }

        var maxAgeSeconds: Int64? { maxAge.flatMap(Units.parseDuration) }
    }

    struct Add: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subscribe to a feed and download its newest episodes.",
            discussion: "Without --keep, the newest 3 episodes are downloaded now, and every new one after.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The feed's http(s) URL.") var url: String
        @OptionGroup var retention: Retention
        @Flag(name: .customLong("no-download"), help: "Only follow the feed; download nothing.") var noDownload = false

        func validate() throws {
            if let keep = retention.keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
        }

        func execute() throws {
            let report = try call(Methods.PodcastAdd(feedURL: url, keep: retention.keep, maxAge: retention.maxAgeSeconds, download: !noDownload))
            if global.json { try Console.writeJSON(report); return }
            PodcastText.printReport(report, verb: "added")
        }
    }

    struct ListPodcasts: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The subscriptions with their episode counts.")
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let list = try call(Methods.PodcastList())
            if global.json { try Console.writeJSON(list); return }
            if list.isEmpty { Console.out("no podcasts; `podcast add FEED_URL` subscribes to one"); return }
            PodcastText.printTable(list)
        }
    }

    struct Remove: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Unsubscribe (downloads are kept unless --delete-files).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The podcast's id (from `podcast list`).") var id: Int64
        @Flag(name: .customLong("delete-files"), help: "Also delete the episodes this engine downloaded.") var deleteFiles = false

        func execute() throws {
            let result = try call(Methods.PodcastRemove(id: id, deleteFiles: deleteFiles))
            if global.json { try Console.writeJSON(result); return }
            Console.out("podcast #\(id) \(TerminalText.inert(result.title)) removed" + (deleteFiles ? ", \(plural(result.deleted, "download")) deleted" : "; downloads kept"))
        }
    }

    struct Refresh: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Read feeds now: new episodes downloaded, retention applied.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A podcast's id; none refreshes every podcast.") var id: Int64?

        func execute() throws {
            let reports = try call(Methods.PodcastRefresh(id: id))
            if global.json { try Console.writeJSON(reports); return }
            if reports.isEmpty { Console.out("no podcasts to refresh") }
            for r in reports { PodcastText.printReport(r, verb: "refreshed") }
            if reports.contains(where: { $0.podcast.podcast.lastError != nil }) { throw ExitCode(ExitStatus.failed) }
        }
    }

    struct Edit: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a podcast's retention or downloading; applies at once.",
            discussion: "--keep 0 and --max-age 0 remove the limit.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The podcast's id.") var id: Int64
        @OptionGroup var retention: Retention
        @Flag(inversion: .prefixedNo, help: "Download new episodes.") var download: Bool?

        func validate() throws {
            if retention.keep == nil && retention.maxAge == nil && download == nil {
                throw ValidationError("give --keep, --max-age, --download or --no-download")
            }
        }

        func execute() throws {
            let report = try call(Methods.PodcastEdit(id: id, keep: retention.keep, maxAge: retention.maxAgeSeconds, download: download))
            if global.json { try Console.writeJSON(report); return }
            PodcastText.printReport(report, verb: "changed")
        }
    }

    struct Episodes: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "A podcast's episodes, newest first, with what happened to each.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The podcast's id.") var id: Int64

        func execute() throws {
            let list = try call(Methods.PodcastEpisodes(id: id))
            if global.json { try Console.writeJSON(list); return }
            if list.isEmpty { Console.out("no episodes"); return }
            PodcastText.printEpisodes(list)
        }
    }

    struct ImportOPML: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "import-opml", abstract: "Subscribe to every feed of an OPML file.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The OPML file (exported by a podcast app).") var file: String
        @Option(name: .long, help: "Keep the newest N downloaded episodes of each.") var keep: Int?
        @Flag(name: .customLong("no-download"), help: "Only follow the feeds; download nothing.") var noDownload = false

        /// An OPML file of a few thousand feeds is well under this.
        static let maxBytes = 8 * 1024 * 1024

        func validate() throws {
            if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
        }

        func execute() throws {
            let path = absolutePath(file)
            guard let handle = FileHandle(forReadingAtPath: path) else { throw EngineError.invalid("cannot read \(path); give an OPML file") }
            defer { try? handle.close() }
            let data = (try? handle.read(upToCount: Self.maxBytes + 1)) ?? Data()
            guard data.count <= Self.maxBytes else { throw EngineError.invalid("\(path) is larger than 8 MiB; it is not a subscription list") }
            let entries = try call(Methods.PodcastImport(opml: String(decoding: data, as: UTF8.self), source: path, keep: keep, download: !noDownload))
            if global.json { try Console.writeJSON(entries) } else {
                for e in entries {
                    let name = TerminalText.inert(e.title ?? e.url)
                    let id = e.id.map { " #\($0)" } ?? ""
                    let line = "\(e.status)\(id): \(name)" + (e.message.map { " (\(TerminalText.inert($0)))" } ?? "")
                    if e.status == "failed" { Console.error(line) } else { Console.out(line) }
                }
                let added = entries.filter { $0.status == "added" }.count
                Console.out("\(plural(added, "podcast")) added, \(entries.filter { $0.status == "duplicate" }.count) already there, \(entries.filter { $0.status == "failed" }.count) failed")
            }
            if entries.contains(where: { $0.status == "failed" }) { throw ExitCode(ExitStatus.failed) }
        }
    }
}
