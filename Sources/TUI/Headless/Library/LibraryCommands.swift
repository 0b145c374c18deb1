import ArgumentParser
import Engine
import Foundation

/// `library add|remove|roots|list|search|show|check|organize|reprobe`.
struct Library: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The media library: roots, the catalogue, search and naming checks.",
        subcommands: [AddRoot.self, RemoveRoot.self, Roots.self, ListItems.self, Search.self, Show.self,
                      Check.self, Organize.self, Reprobe.self])

    struct AddRoot: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a folder to the library (then run `scan`).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The folder.") var path: String
        @Option(name: .long, help: "movies, tv, music, audiobooks, podcasts, photos, books, comics or videos.") var type: String
        @Flag(name: .customLong("private"), help: "A private collection: kept out of shared views.") var isPrivate = false

        func validate() throws {
            if LibraryType(rawValue: type.lowercased()) == nil {
                throw ValidationError("--type '\(type)' must be one of \(LibraryType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func execute() throws {
            let root = try call(Methods.LibraryAdd(path: absolutePath(path), type: LibraryType(rawValue: type.lowercased())!, isPrivate: isPrivate))
            if global.json { try Console.writeJSON(root); return }
            Console.out("library \(root.type.rawValue) at \(TerminalText.inert(root.path)) added; `scan --wait` catalogues it")
        }
    }

    struct RemoveRoot: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Forget a library folder (its files are not touched).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The folder.") var path: String

        func execute() throws {
            let result = try call(Methods.LibraryRemove(path: absolutePath(path)))
            if global.json { try Console.writeJSON(result); return }
            Console.out("library \(TerminalText.inert(path)) removed: \(result.forgotten) item(s) forgotten, files untouched")
        }
    }

    struct Roots: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "roots", abstract: "List the library folders.")
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let roots = try call(Methods.LibraryRoots())
            if global.json { try Console.writeJSON(roots); return }
            var table = Table([.init(title: "ID", alignRight: true), .init(title: "TYPE"), .init(title: "PATH", flexible: true),
                               .init(title: "ITEMS", alignRight: true), .init(title: "SIZE", alignRight: true),
                               .init(title: "ERRORS", alignRight: true), .init(title: "SCANNED")])
            for r in roots {
                let scanned = r.scannedAt.map { Console.date($0) } ?? "never"
                table.add([String(r.id), r.type.rawValue + (r.isPrivate ? " (private)" : ""), r.path, String(r.items),
                           Units.formatBytes(r.bytes), String(r.errors), scanned])
            }
            table.print()
        }
    }

    struct ListItems: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List catalogued items.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "A library type (movies, tv, music, ...) or an item kind (movie, episode, track, ...).") var type: String?
        @Option(name: .long, help: "At most this many items.") var limit: Int?
        @Option(name: .long, help: "Skip this many items first.") var offset: Int?

        func execute() throws {
            let raw = try call(Methods.LibraryList(type: type, limit: limit, offset: offset))
            try LibraryText.printItems(raw, json: global.json)
        }
    }

    struct Search: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Search titles, series, artists, albums, authors and tags.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Words to find (each matches as a prefix).") var query: [String]
        @Option(name: .long, help: "Only this library type or item kind.") var type: String?
        @Option(name: .long, help: "At most this many items (default 100).") var limit: Int = 100

        func execute() throws {
            let raw = try call(Methods.LibraryList(type: type, query: query.joined(separator: " "), limit: limit))
            try LibraryText.printItems(raw, json: global.json)
        }
    }

    struct Show: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "One item: its fields, streams, chapters and tags.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The item's id.") var id: Int64

        func execute() throws {
            let raw = try call(Methods.LibraryShow(id: id))
            if global.json { Console.writeJSON(raw.bytes); return }
            LibraryText.detailLines(raw).forEach { Console.out($0) }
        }
    }

    struct Check: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Items whose paths media servers would misread, with the proposed path.",
            discussion: "Exits 1 when any path needs renaming, so cron can report it.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "Only this library type or item kind.") var type: String?

        func execute() throws {
            let entries = try call(Methods.LibraryCheck(type: type))
            if global.json { try Console.writeJSON(entries) } else {
                for e in entries {
                    Console.out(TerminalText.inert("#\(e.id) \(e.path)"))
                    Console.out(TerminalText.inert("  → \(e.proposed ?? "(no proposal)")  (\(e.reason))"))
                }
                Console.out(entries.isEmpty ? "every path reads right" : "\(entries.count) path(s) to rename; `library organize --apply` renames them")
            }
            if !entries.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }

    struct Organize: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename what `library check` lists (a dry run unless --apply).",
            discussion: "Files stay inside their library; sidecars follow; a file a torrent seeds from (its only link) is skipped.")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "Only this library type or item kind.") var type: String?
        @Flag(name: .long, help: "Rename for real.") var apply = false

        func execute() throws {
            let entries = try call(Methods.LibraryOrganize(type: type, apply: apply))
            if global.json { try Console.writeJSON(entries); return }
            for e in entries {
                let target = e.to.map { " → \($0)" } ?? ""
                let reason = e.reason.map { " (\($0))" } ?? ""
                Console.out(TerminalText.inert("\(e.action): \(e.from)\(target)\(reason)"))
            }
            let planned = entries.filter { $0.action == "planned" }.count
            if !apply && planned > 0 { Console.out("dry run: \(planned) rename(s) planned; add --apply to rename") }
            if entries.isEmpty { Console.out("nothing to rename") }
        }
    }

    struct Reprobe: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Read items again (after a tagger or encoder changed them).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Item ids.") var ids: [Int64]

        func execute() throws {
            let progress = try call(Methods.LibraryReprobe(ids: ids))
            if global.json { try Console.writeJSON(progress); return }
            Console.out("scan #\(progress.id) queued")
        }
    }
}
