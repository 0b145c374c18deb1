import Engine
import Foundation

/// Where headless output goes: data on stdout, one-line errors on stderr, color only for
/// people (stdout a terminal and NO_COLOR unset).
enum Console {
    static let isTTY = isatty(STDOUT_FILENO) != 0
    static let colorTerminal = isTTY && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    /// Never while the TUI captures a command's output: the screen draws its own styles.
    static var useColor: Bool { colorTerminal && capture == nil }

    /// Set while the TUI runs a command line: output goes to the screen's status line, not the terminal.
    nonisolated(unsafe) static var capture: ((String) -> Void)?

    static func out(_ line: String) {
        if let capture { line.split(separator: "\n").forEach { capture(String($0)) }; return }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Set while a batch runs ("line 4"), so each error names the line it came from.
    nonisolated(unsafe) static var errorContext: String?

    static func error(_ message: String) {
        let context = errorContext.map { "\($0): " } ?? ""
        if let capture { capture("seedtui: " + context + TerminalText.inert(message)); return }
        FileHandle.standardError.write(Data(("seedtui: " + context + TerminalText.inert(message) + "\n").utf8))
    }

    static func writeJSON(_ bytes: [UInt8]) {
        if let capture { capture(String(decoding: bytes.prefix(200), as: UTF8.self)); return }
        FileHandle.standardOutput.write(Data(bytes + [UInt8(ascii: "\n")]))
    }

    static func writeJSON<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        writeJSON(Array(try encoder.encode(value)))
    }

    /// Terminal width, or nil when stdout is not a terminal (then nothing is cut).
    static var columns: Int? {
        guard isTTY else { return nil }
        return width(of: STDOUT_FILENO)
    }

    /// Width of the terminal on `fd`, else $COLUMNS, else 100.
    static func width(of fd: Int32) -> Int {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100
    }

    /// "2026-11-26 14:05", local time: dates in tables for people.
    static func date(_ seconds: Double) -> String { dateFormatter.string(from: Date(timeIntervalSince1970: seconds)) }

    private static let dateFormatter: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f
    }()

    /// "11-26 14:05" (or "11-26 14:05:09"), local time: times in rows drawn on every frame, so
    /// the formatters are made once.
    static func clock(_ seconds: Double, withSeconds: Bool = false) -> String {
        (withSeconds ? clockWithSeconds : clockFormatter).string(from: Date(timeIntervalSince1970: seconds))
    }

    private static let clockFormatter: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "MM-dd HH:mm"
        return f
    }()

    private static let clockWithSeconds: DateFormatter = {
        let f = DateFormatter()
        f.dateFormat = "MM-dd HH:mm:ss"
        return f
    }()

    /// ISO 8601 in UTC ("2026-11-26T14:05:09Z"), for the fields of a torrent's detail.
    static func isoDate(_ seconds: Double) -> String { Date(timeIntervalSince1970: seconds).ISO8601Format() }

    static func color(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func stateColor(_ state: TorrentState) -> String {
        switch state {
        case .downloading: return "32"
        case .seeding: return "36"
        case .paused, .queued: return "90"
        case .error: return "31"
        case .stalled, .metadata: return "33"
        default: return "0"
        }
    }
}
