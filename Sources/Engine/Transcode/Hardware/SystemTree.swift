import Foundation

/// Reads /sys, /dev and /proc under a root directory.
///
/// Detection never opens "/sys" directly: it asks a `SystemTree`, so tests build a temp
/// directory that looks like an NVIDIA, Intel, AMD, ARM or GPU-less machine and detect
/// against it. Paths given and returned are absolute as seen on the machine (`/dev/dri/
/// renderD128`); only the file access is rebased on the root.
struct SystemTree: Sendable {
    let root: String

    init(root: String = "/") {
        self.root = root
    }

    /// Where `path` really lives on this filesystem.
    func resolve(_ path: String) -> String {
        root == "/" || root.isEmpty ? path : (root as NSString).appendingPathComponent(path)
    }

    /// Contents of a small text file (sysfs attribute, /proc entry), trimmed; nil when absent.
    func read(_ path: String, limit: Int = 64 * 1024) -> String? {
        guard let handle = FileHandle(forReadingAtPath: resolve(path)) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit) else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Names in a directory, sorted; empty when it is absent.
    func list(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: resolve(path))) ?? []).sorted(by: Self.naturalOrder)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: resolve(path))
    }

    /// Last component of a symlink's target: the driver name behind `device/driver`.
    func linkName(_ path: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: resolve(path)) else { return nil }
        return (target as NSString).lastPathComponent
    }

    /// Size and modification time of a file, for fingerprints.
    func stamp(_ path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: resolve(path)) else { return nil }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let mtime = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size):\(String(format: "%.3f", mtime))"
    }

    /// `renderD129` after `renderD128`, `video10` after `video9`.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        a.compare(b, options: .numeric) == .orderedAscending
    }

    /// A `uevent` file as a dictionary (`DRIVER=i915`, `PCI_SLOT_NAME=0000:00:02.0`).
    func uevent(_ path: String) -> [String: String] {
        guard let text = read(path) else { return [:] }
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { out[String(parts[0])] = String(parts[1]) }
        }
        return out
    }
}
