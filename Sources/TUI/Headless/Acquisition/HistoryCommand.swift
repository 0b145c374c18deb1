import ArgumentParser
import Engine
import Foundation

/// `history`: what was grabbed and imported, newest first.
struct HistoryCommand: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Grabs and imports, newest first (failures with their reasons).")
    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: "At most this many lines.") var limit: Int = 100
    @Option(name: .long, help: "Only this wanted item.") var wanted: Int64?

    func execute() throws {
        let entries = try call(Methods.AcquisitionHistory(limit: limit, wantedId: wanted))
        if global.json { try Console.writeJSON(entries); return }
        var table = Table([.init(title: "WHEN"), .init(title: "WHAT"), .init(title: "WANTED", alignRight: true), .init(title: "TORRENT", alignRight: true),
                           .init(title: "QUALITY"), .init(title: "STATE"), .init(title: "DETAIL", flexible: true)])
        for e in entries {
            let detail: String
            if e.kind == "import" {
                detail = (e.target.map { "\(e.mode ?? "") → \($0)" } ?? e.title) + (e.message.map { " (\($0))" } ?? "")
            } else {
                detail = "\(e.title) from \(e.indexer ?? "?")" + (e.message.map { ": \($0)" } ?? "")
            }
            table.add([AcquisitionText.time(e.at), e.kind, e.wantedId.map { "#\($0)" } ?? "-", e.torrentId.map { "#\($0)" } ?? "-",
                       e.quality ?? "-", e.state, detail], color: e.state == "failed" ? (5, "31") : nil)
        }
        table.print()
        if entries.isEmpty { Console.out("nothing grabbed or imported yet; `rss sync` or `grab N` after a `search`") }
    }
}
