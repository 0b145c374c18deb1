import ArgumentParser
import Engine
import Foundation

/// `seedtui --headless probe FILE... [--json]`: streams, chapters and tags, read in process.
///
/// Runs in the client process (no engine needed): probing is a pure read of the files.
struct ProbeCommand: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Read media files in process: container, duration, streams, chapters, tags (no engine needed).",
        discussion: "With --json, prints an array with one object per file; a file that cannot be read is an object with its path and error.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Media files.") var files: [String]
    @Option(name: .long, help: "Seconds allowed per file before it is given up as damaged (default 10).") var deadline: Double = 10

    func validate() throws {
        if files.isEmpty { throw ValidationError("give one or more media files to probe") }
        if !(deadline > 0 && deadline <= 3600) { throw ValidationError("--deadline must be between 0 and 3600 seconds") }
    }

    func execute() throws {
        let outcomes = MediaProbe.probeAll(files, limits: ProbeLimits(deadline: deadline))
        var failed = 0
        if global.json {
            var out: [UInt8] = [UInt8(ascii: "[")]
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            for (i, outcome) in outcomes.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                switch outcome {
                case .success(let result): out += Array(try encoder.encode(result))
                case .failure(let error):
                    failed += 1
                    out += Array(try encoder.encode(["path": files[i], "error": error.message]))
                }
            }
            out.append(UInt8(ascii: "]"))
            Console.writeJSON(out)
        } else {
            for (i, outcome) in outcomes.enumerated() {
                switch outcome {
                case .success(let result):
                    if i > 0 { Console.out("") }
                    ProbeText.lines(result).forEach { Console.out($0) }
                case .failure(let error):
                    failed += 1
                    Console.error(error.message)
                }
            }
        }
        if failed > 0 {
            throw EngineError.failed("\(failed) of \(files.count) file(s) could not be probed")
        }
    }
}

/// The human form of a probe: one line for the file, one per stream and chapter.
enum ProbeText {
    static func lines(_ r: ProbeResult) -> [String] {
        var lines = [TerminalText.inert(r.path)]
        var head = "  \(r.container)"
        if let d = r.duration { head += ", \(Units.formatDuration(Int64(d.rounded())))" }
        if let b = r.bitRate { head += ", \(b / 1000) kb/s" }
        head += ", \(Units.formatBytes(r.size))"
        lines.append(head)
        for s in r.streams {
            var parts = ["  #\(s.index) \(s.type): \(s.codec)"]
            if let p = s.profile { parts.append(p) }
            if let w = s.width, let h = s.height { parts.append("\(w)x\(h)") }
            if let f = s.frameRate { parts.append(String(format: "%.3g fps", f)) }
            if let d = s.bitDepth, s.type == "video" { parts.append("\(d)-bit") }
            if let hdr = s.hdr { parts.append(hdr) }
            if let l = s.channelLayout ?? s.channels.map({ "\($0) ch" }) { parts.append(l) }
            if let r = s.sampleRate { parts.append("\(r) Hz") }
            if let l = s.language { parts.append("[\(l)]") }
            if s.isDefault { parts.append("default") }
            if s.isForced { parts.append("forced") }
            if s.isAttachedPicture { parts.append("cover") }
            if let t = s.title { parts.append("\"\(t)\"") }
            lines.append(TerminalText.inert(parts.joined(separator: ", ")))
        }
        if !r.chapters.isEmpty { lines.append("  \(r.chapters.count) chapter(s)") }
        for key in ["title", "artist", "album_artist", "album", "track", "disc", "date", "genre", "composer"] {
            if let v = r.tags[key] { lines.append(TerminalText.inert("  \(key): \(v)")) }
        }
        return lines
    }
}
