import Foundation

/// The checks that keep a job from harming data: files torrents seed from, and full disks.
public enum JobSafety {
    /// True when `path` lies inside a torrent's content and is that content's only link:
    /// replacing it would change what the torrent seeds. (A hard link in a library, nlink 2,
    /// can be replaced: the torrent keeps its own link to the old data.)
    public static func isSeeded(_ path: String, contentPaths: [String]) -> Bool {
        let inside = contentPaths.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
        guard inside else { return false }
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        return st.st_nlink == 1
    }

    /// Why there is not room enough, or nil. A job needs at least as much free space as its
    /// input is large (a sidecars-only job a hundredth of it, at least 1 MiB).
    public static func spaceProblem(directory: String, inputSize: Int64, sidecarsOnly: Bool, free: Int64?) -> String? {
        let needed = sidecarsOnly ? max(inputSize / 100, 1 << 20) : inputSize
        guard let free else { return nil }
        guard free >= needed else {
            return "not enough free space in \(directory): \(Units.formatBytes(free)) free, the job needs at least \(Units.formatBytes(needed)); free some space, then `jobs retry`"
        }
        return nil
    }
}
