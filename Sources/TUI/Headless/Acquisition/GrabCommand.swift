import ArgumentParser
import Engine
import Foundation

/// `grab N`: start downloading result N of the last `search`.
struct GrabCommand: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "grab",
        abstract: "Download a result of the last `search` (its # column).",
        discussion: """
            The torrent goes into the category seedtui-TYPE (made under default_save_path if missing) tagged wanted:ID; \
            when it completes it is imported into the library. Without --wanted the oldest wanted item the release \
            matches is used, if any. Usenet results cannot be grabbed yet.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The result's number in the last search.") var id: Int
    @Option(name: .long, help: "The wanted item this grab is for.") var wanted: Int64?
    @Option(name: .long, help: "Grab only if result N still has this title (another search may have replaced the results).")
    var title: String?

    func execute() throws {
        let g = try call(Methods.Grab(rank: id, wantedId: wanted, title: title))
        if global.json { try Console.writeJSON(g); return }
        Console.out(AcquisitionText.grabLine(g))
    }
}
