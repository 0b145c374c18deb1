import Foundation

/// Moves catalogued files to the paths the naming templates propose, inside their root.
///
/// rename(2) keeps the inode, so a file hardlinked from a torrent's download folder stays
/// seeding from its other link. A file that is itself a torrent's only copy is left alone:
/// moving it would break the torrent. Sidecars (subtitles, .nfo, posters named after the
/// file) move with it. The next scan sees the moves by inode, so items keep their ids.
struct LibraryOrganizer {
    /// Paths of files and folders that running torrents read from.
    let seedingPaths: [String]

    func plan(_ entries: [Methods.LibraryCheck.Entry], apply: Bool) -> [Methods.LibraryOrganize.Entry] {
        var claimed = Set<String>()
        return entries.map { entry in
            guard let target = entry.proposed else {
                return .init(id: entry.id, from: entry.path, to: nil, action: "skipped", reason: "nothing to propose; rename it by hand")
            }
            if let reason = refusal(entry.path, target, claimed: claimed) {
                return .init(id: entry.id, from: entry.path, to: target, action: "skipped", reason: reason)
            }
            claimed.insert(target)
            guard apply else { return .init(id: entry.id, from: entry.path, to: target, action: "planned", reason: nil) }
            do {
                try move(entry.path, to: target)
                return .init(id: entry.id, from: entry.path, to: target, action: "renamed", reason: nil)
            } catch {
                return .init(id: entry.id, from: entry.path, to: target, action: "skipped", reason: "\(error)")
            }
        }
    }

    private func refusal(_ source: String, _ target: String, claimed: Set<String>) -> String? {
        if target.split(separator: "/").contains("..") { return "the proposed path leaves the library" }
        if FileManager.default.fileExists(atPath: target) || claimed.contains(target) { return "\(target) already exists" }
        var st = stat()
        guard lstat(source, &st) == 0 else { return "\(source): \(String(cString: strerror(errno)))" }
        if st.st_nlink <= 1, seedingPaths.contains(where: { source == $0 || source.hasPrefix($0 + "/") }) {
            return "a torrent is seeding from this file; hardlink it into the library or remove the torrent first"
        }
        return nil
    }

    private func move(_ source: String, to target: String) throws {
        let sourceDir = (source as NSString).deletingLastPathComponent
        let targetDir = (target as NSString).deletingLastPathComponent
        var st = stat()
        let mode = stat(sourceDir, &st) == 0 ? mode_t(st.st_mode & 0o7777) : 0o755
        try makeFolders(targetDir, mode: mode)
        guard rename(source, target) == 0 else {
            let reason = errno == EXDEV ? "the target is on another disk" : String(cString: strerror(errno))
            throw EngineError.failed("cannot rename \(source): \(reason)")
        }
        // Sidecars named after the file follow it: "Name.en.srt" → "New Name.en.srt".
        let oldStem = ((source as NSString).lastPathComponent as NSString).deletingPathExtension
        let newStem = ((target as NSString).lastPathComponent as NSString).deletingPathExtension
        if let names = try? FileManager.default.contentsOfDirectory(atPath: sourceDir) {
            for name in names where name.hasPrefix(oldStem + ".") || name.hasPrefix(oldStem + "-") {
                let ext = (name as NSString).pathExtension.lowercased()
                guard MediaExtensions.subtitle.contains(ext) || ["nfo", "jpg", "jpeg", "png", "json", "txt"].contains(ext) else { continue }
                let moved = newStem + name.dropFirst(oldStem.count)
                let to = targetDir + "/" + moved
                if !FileManager.default.fileExists(atPath: to) { rename(sourceDir + "/" + name, to) }
            }
        }
        // Leave no empty folders behind (rmdir fails on a folder that still holds anything).
        var dir = sourceDir
        while rmdir(dir) == 0 { dir = (dir as NSString).deletingLastPathComponent }
    }

    private func makeFolders(_ path: String, mode: mode_t) throws {
        var missing: [String] = []
        var p = path
        while !FileManager.default.fileExists(atPath: p), p != "/" {
            missing.append(p)
            p = (p as NSString).deletingLastPathComponent
        }
        for dir in missing.reversed() {
            guard mkdir(dir, 0o700) == 0 || errno == EEXIST else {
                throw EngineError.failed("cannot create \(dir): \(String(cString: strerror(errno)))")
            }
            chmod(dir, mode)   // the engine's umask is private; library folders take their siblings' mode
        }
    }
}
