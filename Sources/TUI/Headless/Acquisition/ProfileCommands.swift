import ArgumentParser
import Engine
import Foundation

/// `profile list|show|add|remove`: quality profiles for the decision engine.
struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Quality profiles: allowed qualities, cutoff, sizes, terms, seeders, delay.",
        discussion: "Built in and read-only: default (720p+ WEB, Blu-ray, HDTV), music and any.",
        subcommands: [List.self, Show.self, Add.self, Remove.self])

    struct List: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "List profiles.")
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let entries = try call(Methods.ProfileList())
            if global.json { try Console.writeJSON(entries); return }
            var table = Table([.init(title: "NAME"), .init(title: "BUILT IN"), .init(title: "CUTOFF"), .init(title: "UPGRADES"),
                               .init(title: "QUALITIES", flexible: true)])
            for e in entries {
                let p = e.profile
                table.add([p.name, e.builtin ? "yes" : "no", p.cutoff ?? "-", p.upgradesAllowed ? "yes" : "no", p.qualities.joined(separator: ", ")])
            }
            table.print()
        }
    }

    struct Show: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Show one profile in full.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The profile's name.") var name: String

        func execute() throws {
            let entry = try call(Methods.ProfileShow(name: name))
            if global.json { try Console.writeJSON(entry); return }
            AcquisitionText.profileLines(entry).forEach { Console.out($0) }
        }
    }

    struct Add: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a profile, starting from --from (default: the built-in `default`).",
            discussion: """
                Terms match words on boundaries, case-insensitively ('dolby vision' matches Dolby.Vision); \
                /…/ is a regular expression. --size takes MB per minute for video, MB for music and books.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The new profile's name.") var name: String
        @Option(name: .long, help: "Start from this profile.") var from: String = "default"
        @Option(name: .long, help: "Allowed qualities, best first, comma-separated (WEBDL-1080p,Bluray-1080p,...).") var qualities: String?
        @Option(name: .long, help: "Stop upgrading at this quality ('none' for no cutoff).") var cutoff: String?
        @Flag(name: .long, inversion: .prefixedNo, help: "Whether better releases replace what is on disk.") var upgrades: Bool?
        @Option(name: .long, help: "QUALITY=MIN-MAX size bounds (repeatable; MIN or MAX may be empty).") var size: [String] = []
        @Option(name: .long, help: "A term a release must contain (repeatable; any one suffices).") var require: [String] = []
        @Option(name: .long, help: "A term that rejects a release (repeatable).") var ignore: [String] = []
        @Option(name: .long, help: "TERM=SCORE added to a release's score (repeatable; negative pushes down).") var prefer: [String] = []
        @Option(name: .customLong("min-score"), help: "Reject releases whose term score is lower.") var minScore: Int?
        @Option(name: .customLong("min-seeders"), help: "Reject torrents with fewer seeders.") var minSeeders: Int?
        @Option(name: .long, help: "Minutes a new release waits for a better one (unless it meets the cutoff).") var delay: Int?
        @Option(name: .customLong("max-age"), help: "Reject releases older than this many days.") var maxAge: Int?
        @Flag(name: .long, help: "Overwrite a profile of the same name.") var replace = false

        func execute() throws {
            var p = try call(Methods.ProfileShow(name: from)).profile
            p.name = name
            if let qualities {
                p.qualities = try qualities.split(separator: ",").map { raw in
                    guard let q = QualityRanking.canonical(String(raw)) else {
                        throw EngineError.invalid("unknown quality '\(raw.trimmingCharacters(in: .whitespaces))'; `profile show any` lists every name")
                    }
                    return q
                }
                if let c = p.cutoff, !p.qualities.contains(c) { p.cutoff = p.qualities.first }
            }
            if let cutoff {
                if cutoff.lowercased() == "none" { p.cutoff = nil } else {
                    guard let c = QualityRanking.canonical(cutoff) else { throw EngineError.invalid("unknown quality '\(cutoff)' for --cutoff") }
                    p.cutoff = c
                }
            }
            if let upgrades { p.upgradesAllowed = upgrades }
            for s in size {
                let parts = s.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let q = QualityRanking.canonical(parts[0]) else {
                    throw EngineError.invalid("--size '\(s)' must be QUALITY=MIN-MAX, e.g. WEBDL-1080p=5-200")
                }
                let bounds = parts[1].split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard bounds.count == 2, bounds.allSatisfy({ $0.isEmpty || Double($0) != nil }) else {
                    throw EngineError.invalid("--size '\(s)' must be QUALITY=MIN-MAX with numbers in MB")
                }
                p.sizeLimits[q] = .init(min: Double(bounds[0]), max: Double(bounds[1]))
            }
            if !require.isEmpty { p.requiredTerms = require }
            if !ignore.isEmpty { p.ignoredTerms = ignore }
            if !prefer.isEmpty {
                p.preferredTerms = try prefer.map { text in
                    guard let eq = text.lastIndex(of: "="), let score = Int(text[text.index(after: eq)...]), eq > text.startIndex else {
                        throw EngineError.invalid("--prefer '\(text)' must be TERM=SCORE, e.g. x265=10")
                    }
                    return .init(term: String(text[..<eq]), score: score)
                }
            }
            if let minScore { p.minimumScore = minScore }
            if let minSeeders { p.minimumSeeders = minSeeders }
            if let delay { p.delayMinutes = delay }
            if let maxAge { p.maximumAgeDays = maxAge }
            let saved = try call(Methods.ProfileSave(profile: p, replace: replace))
            if global.json { try Console.writeJSON(saved); return }
            Console.out(TerminalText.inert("profile '\(saved.profile.name)' saved"))
        }
    }

    struct Remove: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a profile no wanted item uses.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The profile's name.") var name: String

        func execute() throws {
            _ = try call(Methods.ProfileRemove(name: name))
            try done(TerminalText.inert("profile '\(name)' removed"))
        }
    }
}
