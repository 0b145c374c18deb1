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
        let placed = try place(source: source, root: root, relative: relative)
        return (placed.target, placed.mode)
    }

    /// What `place` did, so an import that stops can take back exactly that.
    public struct Placement: Sendable {
        public var target: String
        public var mode: Mode
        /// Folders created for the target, deepest first.
        public var createdFolders: [String]
    }

    /// `link`, also saying which folders it created. When linking fails, the folders it
    /// created are removed again before the error is thrown.
    public static func place(source: String, root: String, relative: String) throws -> Placement {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/"), !parts.isEmpty, !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw EngineError.invalid("refusing to import to '\(relative)': the path must stay inside the library \(root)")
        }
        guard let realRoot = realPath(root) else {
            throw EngineError.failed("the library \(root) is not reachable: \(String(cString: strerror(errno))); fix it or `library remove` it")
        }
        let target = realRoot + "/" + relative
        let parent = (target as NSString).deletingLastPathComponent
        // The folders that do not exist yet, deepest first: these are the ones this call makes.
        var created: [String] = []
        var missing = parent
        while missing.hasPrefix(realRoot + "/"), !FileManager.default.fileExists(atPath: missing) {
            created.append(missing)
            missing = (missing as NSString).deletingLastPathComponent
        }
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            removeEmpty(created)
            throw EngineError.failed("cannot create \(parent) in the library: \(error.localizedDescription)")
        }
        do {
            guard let realParent = realPath(parent), realParent == realRoot || realParent.hasPrefix(realRoot + "/") else {
                throw EngineError.invalid("refusing to import to \(target): a symlink leads it outside the library \(realRoot)")
            }
            let finalTarget = realParent + "/" + (target as NSString).lastPathComponent
            if Glibc.link(source, finalTarget) == 0 { return Placement(target: finalTarget, mode: .hardlink, createdFolders: created) }
            let code = errno
            switch code {
            case EEXIST:
                if sameFile(source, finalTarget) { return Placement(target: finalTarget, mode: .existing, createdFolders: created) }
                throw EngineError.failed("\(finalTarget) already holds a different file; move it away, then import again")
            case EXDEV:
                try copy(source, to: finalTarget)
                return Placement(target: finalTarget, mode: .copy, createdFolders: created)
            default:
                throw EngineError.failed("cannot link \(source) into the library at \(finalTarget): \(String(cString: strerror(code)))")
            }
        } catch {
            removeEmpty(created)
            throw error
        }
    }

    /// Removes `folders` (deepest first) where they are empty; a folder with anything in it stays.
    public static func removeEmpty(_ folders: [String]) {
        for folder in folders { rmdir(folder) }
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
