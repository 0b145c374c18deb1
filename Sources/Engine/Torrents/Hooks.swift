import Foundation

/// Runs the user's hook commands (on_add, on_complete, on_seeding_done).
///
/// The command line is split into words once and each word has its placeholders
/// replaced: a torrent name full of quotes and `$(...)` stays one inert argument,
/// because no shell ever sees it.
///
/// Placeholders: {name} {save_path} {content_path} {info_hash} {category} {tags} {size} {id}
struct Hooks: Sendable {
    let history: History

    static func argv(_ template: String, for torrent: TorrentSnapshot) throws -> [String] {
        let words = try CommandLineSplitter.split(template)
        let values: [String: String] = [
            "{name}": torrent.name,
            "{save_path}": torrent.savePath,
            "{content_path}": (torrent.savePath as NSString).appendingPathComponent(torrent.name),
            "{info_hash}": torrent.infoHash,
            "{category}": torrent.category ?? "",
            "{tags}": torrent.tags.joined(separator: ","),
            "{size}": String(torrent.size),
            "{id}": String(torrent.id),
        ]
        // One left-to-right pass: text coming from a value (a name containing "{id}") is never expanded again.
        return words.map { word in
            var out = ""
            var rest = Substring(word)
            while let open = rest.firstIndex(of: "{") {
                out += rest[..<open]
                if let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[open...close])] {
                    out += value
                    rest = rest[rest.index(after: close)...]
                } else {
                    out += "{"
                    rest = rest[rest.index(after: open)...]
                }
            }
            return out + rest
        }
    }

    func run(_ template: String, for torrent: TorrentSnapshot) {
        guard !template.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        let argv: [String]
        do { argv = try Self.argv(template, for: torrent) } catch {
            history.record(.error, "hook", hash: InfoHash(hex: torrent.infoHash), id: torrent.id, "hook not run: \(error)")
            return
        }
        guard let program = argv.first, let executable = Self.findExecutable(program) else {
            history.record(.error, "hook", hash: InfoHash(hex: torrent.infoHash), id: torrent.id,
                           "hook program '\(argv.first ?? "")' not found; give an absolute path in the setting")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(argv.dropFirst())
        process.standardInput = FileHandle.nullDevice
        let history = self.history
        let id = torrent.id
        let hash = InfoHash(hex: torrent.infoHash)
        process.terminationHandler = { p in
            if p.terminationStatus != 0 {
                history.record(.warning, "hook", hash: hash, id: id, "hook \(program) exited with status \(p.terminationStatus)")
            }
        }
        do { try process.run() } catch {
            history.record(.error, "hook", hash: hash, id: id, "hook \(program) could not start: \(error.localizedDescription)")
        }
    }

    static func findExecutable(_ name: String) -> String? { ExecutableSearch.find(name) }
}
