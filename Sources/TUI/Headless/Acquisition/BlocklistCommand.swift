import ArgumentParser
import Engine
import Foundation

/// `blocklist list|remove`: releases never taken again, and letting one back.
struct BlocklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blocklist",
        abstract: "Releases that are never grabbed again (failed imports, broken torrents).",
        subcommands: [List.self, Remove.self])

    struct List: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "List blocklisted releases with why.")
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let entries = try call(Methods.BlocklistList())
            if global.json { try Console.writeJSON(entries); return }
            var table = Table([.init(title: "ID", alignRight: true), .init(title: "ADDED"), .init(title: "WANTED", alignRight: true),
                               .init(title: "INDEXER"), .init(title: "TITLE", flexible: true), .init(title: "REASON", flexible: true)])
            for e in entries {
                table.add([String(e.id), AcquisitionText.time(e.addedAt), e.wantedId.map { "#\($0)" } ?? "-", e.indexer ?? "-", e.title, e.reason])
            }
            table.print()
            if entries.isEmpty { Console.out("the blocklist is empty") }
        }
    }

    struct Remove: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Let a blocklisted release be grabbed again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The entry's id from `blocklist list`.") var id: Int64

        func execute() throws {
            _ = try call(Methods.BlocklistRemove(id: id))
            try done("blocklist entry #\(id) removed")
        }
    }
}
