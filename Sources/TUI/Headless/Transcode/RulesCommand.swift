import ArgumentParser
import Engine
import Foundation

/// `rules add|list|remove|test`: what `transcode --auto` does to each library.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Transcoding rules per library, applied by `transcode --auto`.",
        discussion: """
            Conditions test probed fields: video_codec, audio_codec, subtitle_codec, container, extension, height \
            (1080, 1080p, 4k), width, bitrate and video_bitrate (8M), fps, bit_depth, pix_fmt, hdr, duration (90m), \
            size (4G), audio_channels, audio_count, subtitle_count, audio_languages, subtitle_languages; \
            with = != < <= > >= ~ (contains), has, in (a, b); joined by and, or, not and parentheses. \
            Actions: transcode preset=NAME | video=CODEC quality=N, remux, container=mkv|mp4, keep-audio=eng,jpn, \
            audio=aac|opus, add-stereo-aac, downmix, extract-subs, drop-subs, sdr, 8bit, replace. \
            The first rule (by id) that matches a file fires.
            """,
        subcommands: [AddRule.self, ListRules.self, RemoveRule.self, TestRule.self],
        defaultSubcommand: ListRules.self)

    struct AddRule: HeadlessCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a rule to a library.",
            discussion: "Example: rules add --library ~/media/movies --when 'video_codec=h264 and height>=1080' --then 'transcode preset=hevc-archive'")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "The library root (`library roots`).") var library: String
        @Option(name: .long, help: "The condition, e.g. 'video_codec=h264 and height>=1080'.") var when: String
        @Option(name: .long, help: "The action, e.g. 'transcode preset=hevc-archive'.") var then: String

        func execute() throws {
            let rule = try call(Methods.TranscodeRuleAdd(library: absolutePath(library), when: when, then: then))
            if global.json { try Console.writeJSON(rule); return }
            Console.out("rule #\(rule.id) added for \(TerminalText.inert(rule.library)): \(rule.does ?? rule.then)")
        }
    }

    struct ListRules: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every rule.")
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let rules = try call(Methods.TranscodeRules())
            if global.json { try Console.writeJSON(rules); return }
            if rules.isEmpty { Console.out("no rules; `rules add --library PATH --when '…' --then '…'` adds one"); return }
            var table = Table([.init(title: "ID", alignRight: true), .init(title: "LIBRARY"), .init(title: "WHEN"),
                               .init(title: "THEN", flexible: true)])
            for r in rules { table.add([String(r.id), r.library, r.when, r.then + (r.problem.map { "  (broken: \($0))" } ?? "")]) }
            table.print()
        }
    }

    struct RemoveRule: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a rule.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The rule's id.") var id: Int64

        func execute() throws {
            _ = try call(Methods.TranscodeRuleRemove(id: id))
            try done("rule #\(id) removed")
        }
    }

    struct TestRule: HeadlessCommand {
        static let configuration = CommandConfiguration(
            commandName: "test", abstract: "Which rule fires for a file, whether it would run, and the exact ffmpeg argv.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "A media file.") var file: String

        func execute() throws {
            let r = try call(Methods.TranscodeRuleTest(file: (absolutePath(file) as NSString).standardizingPath))
            if global.json { try Console.writeJSON(r); return }
            Console.out(TerminalText.inert(r.file))
            for c in r.rules {
                let mark = c.id == r.fired ? "fires" : !c.covers ? "other library" : c.matches ? "matches" : "no match"
                Console.out(TerminalText.inert("  rule #\(c.id) [\(mark)]: when \(c.when) then \(c.then)"))
            }
            if r.fired == nil { Console.out("no rule fires") }
            if let d = r.decision { Console.out("decision: \(d)" + (r.reason.map { " (\(TerminalText.inert($0)))" } ?? "")) }
            if let t = r.target { Console.out("target: \(TerminalText.inert(t))") }
            if let argv = r.argv { Console.out("argv: " + TerminalText.inert(TranscodeText.shellLine(argv))) }
            for n in r.notes { Console.out("note: \(TerminalText.inert(n))") }
        }
    }
}
