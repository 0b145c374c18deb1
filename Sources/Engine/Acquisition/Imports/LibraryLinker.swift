import Foundation

/// Puts a downloaded file into a library without touching the file a torrent seeds from.
///
/// A hardlink costs no space and leaves the seeding file as it was; only when the library is
/// on another filesystem (EXDEV) is the file copied, and the copy says so. The target must
/// stay inside the library root after every symlink is resolved, and nothing is overwritten:
/// the same file already there (same inode) is fine, so an import can run twice; a different
/// file there is an error.
public enum LibraryLinker {
    public enum Mode: String, Sendable { case hardlink, copy, existing }

    /// Links `source` to `root/relative`; returns the target path and how it got there.
    public static func link(source: String, root: String, relative: String) throws -> (target: String, mode: Mode) {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw EngineError.invalid("refusing to import to '\(relative)': the path must stay inside the library \(root)")
        }
        guard let realRoot = realPath(root) else {
            throw EngineError.failed("the library \(root) is not reachable: \(String(cString: strerror(errno))); fix it or `library remove` it")
        }
        let target = realRoot + "/" + relative
        let parent = (target as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw EngineError.failed("cannot create \(parent) in the library: \(error.localizedDescription)")
        }
        guard let realParent = realPath(parent), realParent == realRoot || realParent.hasPrefix(realRoot + "/") else {
            throw EngineError.invalid("refusing to import to \(target): a symlink leads it outside the library \(realRoot)")
        }
        let finalTarget = realParent + "/" + (target as NSString).lastPathComponent
        if Glibc.link(source, finalTarget) == 0 { return (finalTarget, .hardlink) }
        let code = errno
        switch code {
        case EEXIST:
            if sameFile(source, finalTarget) { return (finalTarget, .existing) }
            throw EngineError.failed("\(finalTarget) already holds a different file; move it away, then import again")
        case EXDEV:
            try copy(source, to: finalTarget)
            return (finalTarget, .copy)
        default:
            throw EngineError.failed("cannot link \(source) into the library at \(finalTarget): \(String(cString: strerror(code)))")
        }
    }

    /// A copy under a temporary name, then linked into place, so nothing is overwritten and no
    /// half-written file ever carries the final name.
    static func copy(_ source: String, to target: String) throws {
        let temporary = target + ".seedtui-import"
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw EngineError.failed("cannot copy \(source) into the library (another filesystem): \(error.localizedDescription)")
        }
        defer { unlink(temporary) }
        if Glibc.link(temporary, target) != 0 {
            let code = errno
            throw EngineError.failed(code == EEXIST ? "\(target) already holds a different file; move it away, then import again"
                                                     : "cannot place the copy at \(target): \(String(cString: strerror(code)))")
        }
    }

    /// Whether two paths are one file (device and inode).
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    static func realPath(_ path: String) -> String? {
        guard let r = realpath(path, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }
}
