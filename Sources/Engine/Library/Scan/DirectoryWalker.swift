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

/// Walks a library root the way find(1) does: each folder opened once, each entry stat'ed
/// relative to its folder's descriptor (no full-path lookups), one `stat` per entry.
/// Symbolic links are followed; a link back to a folder above it (or to a folder already
/// walked) is reported and skipped, never looped. Hidden entries and NAS housekeeping
/// folders are skipped.
enum DirectoryWalker {
    /// Folders that NAS systems and desktops create beside media.
    static let junkFolders: Set<String> = [
        "@eaDir", "@Recycle", "#recycle", "#snapshot", "$RECYCLE.BIN", "System Volume Information",
        "lost+found", "@tmp", "@Recently-Snapshot",
    ]
    static let maximumDepth = 64

    private struct FolderId: Hashable { var dev: UInt64; var ino: UInt64 }

    static func walk(root: String, visit: (WalkedDirectory) -> Void, problem: (WalkProblem) -> Void) {
        var st = stat()
        let fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0, fstat(fd, &st) == 0 else {
            if fd >= 0 { close(fd) }
            problem(WalkProblem(path: root, message: "\(TerminalText.inert(root)): \(String(cString: strerror(errno))); check that the library folder exists and is readable"))
            return
        }
        var seen: Set<FolderId> = [FolderId(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))]
        var ancestors: [FolderId] = []
        walkFolder(fd: fd, path: root, stat: st, depth: 0, seen: &seen, ancestors: &ancestors, visit: visit, problem: problem)
    }

    /// Reads one folder (taking ownership of `fd`), hands over its files, then descends.
    private static func walkFolder(fd: Int32, path: String, stat folderStat: stat, depth: Int, seen: inout Set<FolderId>,
                                   ancestors: inout [FolderId], visit: (WalkedDirectory) -> Void, problem: (WalkProblem) -> Void) {
        guard let dir = fdopendir(fd) else {
            close(fd)
            problem(WalkProblem(path: path, message: "\(TerminalText.inert(path)): folder not readable (\(String(cString: strerror(errno)))); fix its permissions"))
            return
        }
        defer { closedir(dir) }
        let id = FolderId(dev: UInt64(folderStat.st_dev), ino: UInt64(folderStat.st_ino))
        ancestors.append(id)
        defer { ancestors.removeLast() }
        var folder = WalkedDirectory(path: path, mtimeNs: nanoseconds(folderStat.st_mtim), files: [])
        var subfolders: [(name: String, stat: stat)] = []
        while let entry = readdir(dir) {
            let raw = withUnsafeBytes(of: entry.pointee.d_name) { buffer -> [UInt8] in
                Array(buffer.prefix { $0 != 0 })
            }
            guard let first = raw.first, first != UInt8(ascii: ".") else { continue }   // ".", "..", hidden
            guard let name = String(validating: raw, as: UTF8.self) else {
                let shown = path + "/" + String(decoding: raw, as: UTF8.self)
                problem(WalkProblem(path: shown, message: "\(TerminalText.inert(shown)): the name is not valid UTF-8; rename it to catalogue it"))
                continue
            }
            var st = stat()
            if fstatat(fd, name, &st, 0) != 0 {
                let error = errno
                var link = stat()
                if fstatat(fd, name, &link, AT_SYMLINK_NOFOLLOW) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
                    problem(WalkProblem(path: path + "/" + name, message: "\(TerminalText.inert(path + "/" + name)): broken symbolic link; remove it or fix its target"))
                } else {
                    problem(WalkProblem(path: path + "/" + name, message: "\(TerminalText.inert(path + "/" + name)): \(String(cString: strerror(error)))"))
                }
                continue
            }
            switch st.st_mode & S_IFMT {
            case S_IFREG:
                folder.files.append(WalkedFile(path: path + "/" + name, name: name, dev: Int64(st.st_dev), ino: Int64(st.st_ino),
                                               size: Int64(st.st_size), mtimeNs: nanoseconds(st.st_mtim)))
            case S_IFDIR:
                if !junkFolders.contains(name) { subfolders.append((name, st)) }
            default:
                continue   // sockets, fifos, devices
            }
        }
        visit(folder)
        folder.files = []
        for (name, st) in subfolders {
            let childPath = path + "/" + name
            let child = FolderId(dev: UInt64(st.st_dev), ino: UInt64(st.st_ino))
            if ancestors.contains(child) {
                problem(WalkProblem(path: childPath, message: "\(TerminalText.inert(childPath)): a symbolic link loops back to a folder above it; it was skipped"))
                continue
            }
            guard seen.insert(child).inserted else { continue }   // the same folder reached by another link
            guard depth < maximumDepth else {
                problem(WalkProblem(path: childPath, message: "\(TerminalText.inert(childPath)): more than \(maximumDepth) folders deep; skipped"))
                continue
            }
            let childFd = openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard childFd >= 0 else {
                problem(WalkProblem(path: childPath, message: "\(TerminalText.inert(childPath)): folder not readable (\(String(cString: strerror(errno)))); fix its permissions"))
                continue
            }
            walkFolder(fd: childFd, path: childPath, stat: st, depth: depth + 1, seen: &seen, ancestors: &ancestors, visit: visit, problem: problem)
        }
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
