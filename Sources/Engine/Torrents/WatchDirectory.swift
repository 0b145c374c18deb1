import Foundation

/// Picks up .torrent and .magnet files dropped into the watch directory.
///
/// Each file is renamed once handled — `x.torrent.added` or `x.torrent.invalid` with a
/// history line saying why — so a file is never added twice and a bad one is not
/// retried forever.
enum WatchDirectory {
    struct Pending {
        var path: String
        var request: Methods.Add
    }

    static func pending(in directory: String) -> [Pending] {
        guard !directory.isEmpty, let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        var result: [Pending] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            let lower = name.lowercased()
            if lower.hasSuffix(".torrent") {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                result.append(Pending(path: path, request: Methods.Add(torrent: data, origin: path)))
            } else if lower.hasSuffix(".magnet") {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                result.append(Pending(path: path, request: Methods.Add(magnet: text, origin: path)))
            }
        }
        return result
    }

    static func markDone(_ path: String, ok: Bool) {
        let target = path + (ok ? ".added" : ".invalid")
        try? FileManager.default.removeItem(atPath: target)
        try? FileManager.default.moveItem(atPath: path, toPath: target)
    }
}
