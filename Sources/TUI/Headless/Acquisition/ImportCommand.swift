import ArgumentParser
import Engine
import Foundation

/// `import PATH --wanted ID | --type T`: put a download no grab matched into the library.
struct ImportCommand: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a downloaded file or folder into the library (hardlinked, named by the templates).",
        discussion: """
            The main files are hardlinked (copied only across filesystems) into the library of the item's type and named \
            with the naming_import_* templates; the download itself is never moved or changed. Only tv and movie for now.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The file or folder.") var path: String
    @Option(name: .long, help: "The wanted item it is (names it, and marks the item imported).") var wanted: Int64?
    @Option(name: .long, help: "tv, movie, music, book, audiobook or comic, when it is no wanted item (named from its file and folder names, and a track's tags).") var type: String?

    func validate() throws {
        if wanted == nil && type == nil { throw ValidationError("say what it is: --wanted ID or --type tv|movie|music|book|audiobook|comic") }
        if let type, WantedType(text: type) == nil { throw ValidationError("--type must be one of tv, movie, music, book, audiobook, comic") }
    }

    func execute() throws {
        let report = try call(Methods.Import(path: absolutePath(path), wantedId: wanted, type: type.flatMap(WantedType.init(text:))))
        if global.json { try Console.writeJSON(report); return }
        for f in report.files { Console.out(TerminalText.inert("\(f.mode): \(f.source) → \(f.target)")) }
    }
}
