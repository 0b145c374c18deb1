import CPosix
import Foundation

/// One regular file found by the walk, with what decides whether it changed.
struct WalkedFile: Sendable {
    var path: String
    var name: String
    var dev: Int64
    var ino: Int64
    var size: Int64
    var mtimeNs: Int64
}

/// One directory's files: the walk hands them over together so sidecars (subtitles, .nfo,
/// posters, .info.json) are matched to their media without another listing.
struct WalkedDirectory: Sendable {
    var path: String
    var mtimeNs: Int64
    var files: [WalkedFile]
    /// Every file name in the folder when `files` was narrowed to the media among them.
    var siblings: [String]? = nil
}

/// A problem met during the walk; the walk goes on.
struct WalkProblem: Sendable {
    var path: String
    var message: String
}

/// Walks a library root with fts(3): one `stat` per entry, symbolic links followed with
/// fts's cycle detection (a link back up the tree is reported, never looped), hidden entries and
/// NAS housekeeping folders skipped.
enum DirectoryWalker {
    /// Folders that NAS systems and desktops create beside media.
    static let junkFolders: Set<String> = [
        "@eaDir", "@Recycle", "#recycle", "#snapshot", "$RECYCLE.BIN", "System Volume Information",
        "lost+found", "@tmp", "@Recently-Snapshot", ".@__thumb", ".AppleDouble", ".Trashes",
    ]

    static func walk(root: String, visit: (WalkedDirectory) -> Void, problem: (WalkProblem) -> Void) {
        let rootCopy = strdup(root)
        defer { free(rootCopy) }
        var argv: [UnsafeMutablePointer<CChar>?] = [rootCopy, nil]
        guard let fts = fts_open(&argv, FTS_LOGICAL | FTS_NOCHDIR, nil) else {
            problem(WalkProblem(path: root, message: "\(root): \(String(cString: strerror(errno))); check that the library root exists and is readable"))
            return
        }
        defer { fts_close(fts) }
        // Directories are open at once only along the current path; files are gathered per directory.
        var stack: [WalkedDirectory] = []
        while let entry = fts_read(fts) {
            let info = Int32(entry.pointee.fts_info)
            let name = String(cString: seedtui_fts_name(entry))
            switch info {
            case FTS_D:
                if entry.pointee.fts_level > 0, name.hasPrefix(".") || junkFolders.contains(name) {
                    fts_set(fts, entry, FTS_SKIP)
                    continue
                }
                guard let path = validPath(entry, problem) else { fts_set(fts, entry, FTS_SKIP); continue }
                let st = entry.pointee.fts_statp.pointee
                stack.append(WalkedDirectory(path: path, mtimeNs: nanoseconds(st.st_mtim), files: []))
            case FTS_DP:
                if let dir = stack.last, dir.path == pathOf(entry) {
                    stack.removeLast()
                    visit(dir)
                }
            case FTS_F:
                if name.hasPrefix(".") { continue }
                guard let path = validPath(entry, problem), !stack.isEmpty else { continue }
                let st = entry.pointee.fts_statp.pointee
                stack[stack.count - 1].files.append(WalkedFile(
                    path: path, name: name, dev: Int64(st.st_dev), ino: Int64(st.st_ino), size: Int64(st.st_size), mtimeNs: nanoseconds(st.st_mtim)))
            case FTS_DC:
                problem(WalkProblem(path: pathOf(entry), message: "\(TerminalText.inert(pathOf(entry))): a symbolic link loops back to a folder above it; it was skipped"))
            case FTS_DNR:
                problem(WalkProblem(path: pathOf(entry), message: "\(TerminalText.inert(pathOf(entry))): folder not readable (\(String(cString: strerror(entry.pointee.fts_errno)))); fix its permissions"))
            case FTS_SLNONE:
                if !name.hasPrefix(".") {
                    problem(WalkProblem(path: pathOf(entry), message: "\(TerminalText.inert(pathOf(entry))): broken symbolic link; remove it or fix its target"))
                }
            case FTS_ERR, FTS_NS:
                problem(WalkProblem(path: pathOf(entry), message: "\(TerminalText.inert(pathOf(entry))): \(String(cString: strerror(entry.pointee.fts_errno)))"))
            default:
                continue
            }
        }
    }

    private static func pathOf(_ entry: UnsafeMutablePointer<FTSENT>) -> String {
        String(decoding: UnsafeRawBufferPointer(start: entry.pointee.fts_path, count: Int(entry.pointee.fts_pathlen)), as: UTF8.self)
    }

    /// The entry's path when it is valid UTF-8; a name that is not is reported and skipped,
    /// because a lossy copy would name a file that does not exist.
    private static func validPath(_ entry: UnsafeMutablePointer<FTSENT>, _ problem: (WalkProblem) -> Void) -> String? {
        let raw = UnsafeRawBufferPointer(start: entry.pointee.fts_path, count: Int(entry.pointee.fts_pathlen))
        if let path = String(validating: raw, as: UTF8.self) { return path }
        let shown = String(decoding: raw, as: UTF8.self)
        problem(WalkProblem(path: shown, message: "\(TerminalText.inert(shown)): the name is not valid UTF-8; rename it to catalogue it"))
        return nil
    }

    /// The lowercased extension of a file name ("" when none), without Foundation's path bridging,
    /// which costs more than the stat on a large walk.
    static func lowercasedExtension(_ name: String) -> String {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.utf8.startIndex else { return "" }
        let ext = name.utf8[name.utf8.index(after: dot)...]
        guard ext.count <= 8 else { return "" }
        return String(decoding: ext.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    static func nanoseconds(_ t: timespec) -> Int64 { Int64(t.tv_sec) * 1_000_000_000 + Int64(t.tv_nsec) }
}
