import ArgumentParser
import Engine
import Foundation

/// `rss sync`: the newest releases of every indexer, matched against the wanted list and grabbed.
struct RSSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rss",
        abstract: "Grab wanted items from the indexers' newest releases (for cron).",
        subcommands: [Sync.self])

    struct Sync: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch each enabled indexer's recent releases and grab the best accepted one per wanted item.",
            discussion: """
                Safe to run as often as cron likes: a release grabbed or blocklisted before is never taken again, and an item \
                already grabbed or on disk only takes an upgrade its profile still wants. Indexers resting after failures are \
                skipped and named on stderr. A release whose link is gone or whose torrent is bad makes way for the item's \
                next best in the same sync, and is named on stderr; a download link answering HTTP 429 rests its indexer. \
                Exits 1 when no indexer answered or an item got nothing for a reason of its own.
                """)
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let report = try call(Methods.RSSSync())
            try AcquisitionText.finish(report, json: global.json)
        }
    }
}
