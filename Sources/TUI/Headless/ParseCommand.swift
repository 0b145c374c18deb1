import ArgumentParser
import Engine
import Foundation

/// `seedtui --headless parse NAME [--json]` and `parse --stdin [--json]`: what a release name says.
///
/// Parsing is local: the command never starts or contacts the engine, so it works offline
/// and in scripts that only want to read names.
struct ParseCommand: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a release name: title, numbering, quality, group (no engine needed).",
        discussion: """
            With --stdin, reads one name (or path) per line and writes one result per line: a JSON \
            object with --json, else the fields of each name followed by a blank line.
            """)
    @OptionGroup var global: GlobalOptions
    @Argument(help: "A release name or a file path.") var name: String?
    @Flag(name: .long, help: "Read names from standard input, one per line.") var stdin = false
    @Option(name: .long, help: "What was searched for: tv, movie, music, book, audiobook or comic (default: guess from the name).")
    var type: String?

    func validate() throws {
        if stdin && name != nil { throw ValidationError("give a NAME or --stdin, not both") }
        if !stdin && name == nil { throw ValidationError("give a release name, or --stdin to read names from standard input") }
        if let type, Self.kind(type) == nil {
            throw ValidationError("--type '\(type)' must be one of tv, movie, music, book, audiobook, comic")
        }
    }

    static func kind(_ text: String) -> ReleaseInfo.Kind? {
        switch text.lowercased() {
        case "tv", "episode", "series", "show": return .episode
        case "movie", "film": return .movie
        case "music", "album": return .music
        case "book", "ebook": return .book
        case "audiobook": return .audiobook
        case "comic": return .comic
        default: return nil
        }
    }

    func execute() throws {
        let hint = type.flatMap(Self.kind)
        if stdin {
            guard Console.capture == nil else { throw EngineError.invalid("parse --stdin reads standard input; give a name instead") }
            Self.stream(json: global.json, hint: hint)
            return
        }
        let info = ReleaseParser.parse(name!, hint: hint)
        if global.json {
            Console.writeJSON(info.jsonBytes)
        } else {
            Console.out(Self.describe(info).joined(separator: "\n"))
        }
    }

    /// Reads standard input in large blocks and writes results in large blocks: the parse is
    /// far cheaper than a system call, so per-line reads and writes would dominate.
    static func stream(json: Bool, hint: ReleaseInfo.Kind?) {
        var input = [UInt8](repeating: 0, count: 1 << 16)
        var pending: [UInt8] = []
        var output: [UInt8] = []
        output.reserveCapacity(1 << 17)
        func emit(_ line: UnsafeBufferPointer<UInt8>) {
            var end = line.count
            if end > 0, line[end - 1] == 13 { end -= 1 }   // CRLF input
            let info = ReleaseParser.parse(bytes: UnsafeBufferPointer(rebasing: line[0..<end]), hint: hint)
            if json {
                info.appendJSON(to: &output)
                output.append(10)
            } else {
                for l in describe(info) { output.append(contentsOf: l.utf8); output.append(10) }
                output.append(10)
            }
            if output.count >= 1 << 16 { flush(&output) }
        }
        while true {
            let n = input.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            input.withUnsafeBufferPointer { buf in
                var start = 0
                for p in 0..<n where buf[p] == 10 {
                    if pending.isEmpty {
                        emit(UnsafeBufferPointer(rebasing: buf[start..<p]))
                    } else {
                        pending.append(contentsOf: buf[start..<p])
                        pending.withUnsafeBufferPointer { emit($0) }
                        pending.removeAll(keepingCapacity: true)
                    }
                    start = p + 1
                }
                if start < n { pending.append(contentsOf: buf[start..<n]) }
            }
        }
        if !pending.isEmpty { pending.withUnsafeBufferPointer { emit($0) } }
        flush(&output)
    }

    private static func flush(_ output: inout [UInt8]) {
        output.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let w = write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if w < 0 { if errno == EINTR { continue }; return }
                offset += w
            }
        }
        output.removeAll(keepingCapacity: true)
    }

    /// "key: value" lines for people; empty fields are left out. Names are hostile, so text
    /// taken from them is made inert.
    static func describe(_ i: ReleaseInfo) -> [String] {
        var lines: [String] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(key): \(TerminalText.inert(value))") }
        }
        func list(_ values: [Int]) -> String? { values.isEmpty ? nil : values.map(String.init).joined(separator: ", ") }
        add("type", i.type.rawValue)
        add("title", i.title)
        add("year", i.year.map(String.init))
        add("artist", i.artist)
        add("album", i.album)
        add("author", i.author)
        add("seasons", list(i.seasons))
        add("episodes", list(i.episodes))
        add("absolute episodes", list(i.absoluteEpisodes))
        add("air date", i.airDate)
        if i.fullSeason { add("full season", "yes") }
        add("quality", i.quality)
        add("format", i.format)
        add("source", i.source)
        add("resolution", i.resolution)
        add("video codec", i.videoCodec)
        add("audio", [i.audioCodec, i.audioChannels].compactMap { $0 }.joined(separator: " "))
        add("hdr", i.hdr)
        add("languages", i.languages.joined(separator: ", "))
        add("edition", i.edition)
        add("streaming service", i.streamingService)
        if i.proper { add("proper", "yes") }
        if i.repack { add("repack", "yes") }
        add("version", i.version.map(String.init))
        add("release group", i.releaseGroup)
        return lines
    }
}
