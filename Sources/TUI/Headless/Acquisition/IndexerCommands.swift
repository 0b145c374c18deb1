import ArgumentParser
import Engine
import Foundation

/// `indexer add|list|test|remove|enable|disable|parse`: Torznab and Newznab indexers.
struct IndexerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indexer",
        abstract: "Torznab/Newznab indexers (Prowlarr, Jackett, NZBHydra): add, list, test, remove.",
        discussion: "API keys are kept in the database and shown masked everywhere.",
        subcommands: [Add.self, List.self, Test.self, Remove.self, Enable.self, Disable.self, Parse.self])

    struct Add: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an indexer; its capabilities are fetched first (nothing is stored if that fails).",
            discussion: """
                URL is the Torznab/Newznab feed: Prowlarr http://HOST:9696/ID/api, Jackett \
                http://HOST:9117/api/v2.0/indexers/NAME/results/torznab/ ('/api' is added when missing).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A name for it (letters, digits, - _ .).") var name: String
        @Argument(help: "Its Torznab or Newznab URL.") var url: String
        @Option(name: .long, help: "The API key.") var apikey: String?
        @Option(name: .customLong("apikey-file"), help: "Read the API key from this file (keeps it out of `ps`).") var apikeyFile: String?
        @Option(name: .long, help: "torznab (torrents, default) or newznab (usenet: listed, not downloadable yet).") var kind: String = "torznab"
        @Option(name: .long, help: "Newznab categories to search, e.g. 5000,5040 (default: each search's family).") var categories: String?
        @Option(name: .long, help: "1 (first) to 50 (last); breaks ties in the ranking (default 25).") var priority: Int?
        @Option(name: .long, help: "Least seconds between two requests to it (default 2).") var interval: Double?

        func validate() throws {
            if IndexerKind(rawValue: kind.lowercased()) == nil { throw ValidationError("--kind must be torznab or newznab") }
            if apikey != nil && apikeyFile != nil { throw ValidationError("give --apikey or --apikey-file, not both") }
            if let categories { _ = try IndexerCommand.categories(categories) }
        }

        func execute() throws {
            var key = apikey ?? ""
            if let apikeyFile {
                guard let text = try? String(contentsOfFile: apikeyFile, encoding: .utf8) else {
                    throw EngineError.invalid("cannot read the API key file \(apikeyFile)")
                }
                key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            let request = Methods.IndexerAdd(name: name, url: url, kind: IndexerKind(rawValue: kind.lowercased())!, apiKey: key,
                                             categories: try categories.map(IndexerCommand.categories) ?? [], priority: priority,
                                             minIntervalMs: interval.map { Int64($0 * 1000) })
            let added = try call(request)
            if global.json { try Console.writeJSON(added); return }
            Console.out(TerminalText.inert("indexer \(added.name) added (\(added.kind.rawValue)): searches \(added.searches), \(added.capsCategories) categories"))
        }
    }

    struct List: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "List indexers with their health (back-off, last error).")
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let list = try call(Methods.IndexerList())
            if global.json { try Console.writeJSON(list); return }
            AcquisitionText.printIndexers(list)
        }
    }

    struct Test: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fetch an indexer's capabilities and run a small search now, even while it rests.",
            discussion: "Exits 1 when the indexer fails (the error names it); a success ends its back-off.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The indexer's name.") var name: String

        func execute() throws {
            let result = try call(Methods.IndexerTest(name: name))
            if global.json { try Console.writeJSON(result); return }
            Console.out(TerminalText.inert("indexer \(result.indexer.name) answers: searches \(result.indexer.searches), \(plural(result.releases, "release")) in \(result.elapsedMs) ms"))
            for d in result.dropped { Console.error("indexer \(result.indexer.name): left out \(d)") }
        }
    }

    struct Remove: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Remove an indexer (its key goes with it).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The indexer's name.") var name: String

        func execute() throws {
            _ = try call(Methods.IndexerRemove(name: name))
            try done(TerminalText.inert("indexer \(name) removed"))
        }
    }

    struct Enable: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Use an indexer again (also ends a back-off).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The indexer's name.") var name: String

        func execute() throws {
            let i = try call(Methods.IndexerEnable(name: name, enabled: true))
            if global.json { try Console.writeJSON(i); return }
            Console.out(TerminalText.inert("indexer \(i.name) enabled"))
        }
    }

    struct Disable: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Stop searching an indexer (it stays configured).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The indexer's name.") var name: String

        func execute() throws {
            let i = try call(Methods.IndexerEnable(name: name, enabled: false))
            if global.json { try Console.writeJSON(i); return }
            Console.out(TerminalText.inert("indexer \(i.name) disabled"))
        }
    }

    /// Reads a saved answer locally: for debugging an indexer, and for `bench/indexer-parse`.
    struct Parse: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a saved Torznab/Newznab answer (caps or results) without the engine.",
            discussion: "Exits 1 when the answer is an error, HTML or malformed, with the message a search would give.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "An XML file.") var file: String
        @Option(name: .long, help: "torznab (default) or newznab: whose releases these are.") var kind: String = "torznab"
        @Option(name: .customLong("repeat"), help: "Parse it this many times in this process (for benchmarks): elapsed_us is then the median, first_us the first parse.")
        var times: Int = 1

        func validate() throws {
            if IndexerKind(rawValue: kind.lowercased()) == nil { throw ValidationError("--kind must be torznab or newznab") }
            if !(1...10_000).contains(times) { throw ValidationError("--repeat must be 1 to 10000") }
        }

        struct Output: Encodable {
            var file: String
            var document: String
            var items: Int
            var releases: [IndexerRelease]
            var dropped: [String]
            var caps: IndexerCaps?
            var elapsedUs: Int64
            /// The first parse, which also pays for the XML parser's start in this process.
            var firstUs: Int64
            enum CodingKeys: String, CodingKey { case file, document, items, releases, dropped, caps; case elapsedUs = "elapsed_us", firstUs = "first_us" }
        }

        func execute() throws {
            guard let handle = FileHandle(forReadingAtPath: file) else { throw EngineError.invalid("cannot open \(file)") }
            let data = handle.readData(ofLength: IndexerClient.defaultMaxBytes + 1)
            try? handle.close()
            let label = (file as NSString).lastPathComponent
            if data.count > IndexerClient.defaultMaxBytes {
                throw IndexerError.tooLarge(limit: IndexerClient.defaultMaxBytes).engineError(indexer: label)
            }
            var document: IndexerDocument?
            var timings: [Int64] = []
            for _ in 0..<times {
                let started = ContinuousClock.now
                do {
                    document = try IndexerDocument.parse(data, indexer: label, kind: IndexerKind(rawValue: kind.lowercased())!)
                } catch let error as IndexerError {
                    throw error.engineError(indexer: label)
                }
                let d = ContinuousClock.now - started
                timings.append(d.components.seconds * 1_000_000 + d.components.attoseconds / 1_000_000_000_000)
            }
            let us = timings.sorted()[timings.count / 2]
            var out = Output(file: file, document: "feed", items: 0, releases: [], dropped: [], caps: nil, elapsedUs: us, firstUs: timings[0])
            switch document! {
            case .caps(let caps): out.document = "caps"; out.caps = caps
            case .feed(let feed): out.items = feed.itemCount; out.releases = feed.releases; out.dropped = feed.dropped
            }
            if global.json { try Console.writeJSON(out); return }
            if let caps = out.caps {
                Console.out(TerminalText.inert("caps: searches \(caps.summary), \(caps.allCategoryIds.count) categories, limit \(caps.limitMax.map(String.init) ?? "?")"))
                return
            }
            var table = Table([.init(title: "SIZE", alignRight: true), .init(title: "SEEDS", alignRight: true), .init(title: "LINK"),
                               .init(title: "TITLE", flexible: true)])
            for r in out.releases {
                let link = r.magnetURL != nil ? "magnet" : r.downloadURL != nil ? "file" : "-"
                table.add([r.size.map(Units.formatBytes) ?? "?", r.seeders.map(String.init) ?? "-", link, r.title])
            }
            table.print()
            for d in out.dropped { Console.out(TerminalText.inert("left out \(d)")) }
            Console.out("\(plural(out.releases.count, "release")) of \(plural(out.items, "item")) in \(us) µs")
        }
    }

    static func categories(_ text: String) throws -> [Int] {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let ids = parts.compactMap { Int($0) }
        guard !parts.isEmpty, ids.count == parts.count, ids.allSatisfy({ $0 > 0 }) else {
            throw ValidationError("--categories is a comma-separated list of Newznab ids such as 5000,5040")
        }
        return ids
    }
}
