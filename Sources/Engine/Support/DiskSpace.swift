import Foundation

/// Free space where files are about to be written: torrent save paths, transcode outputs,
/// the status bar's figure.
public enum DiskSpace {
    /// Bytes free for unprivileged users on the file system that holds `path`, or that will
    /// hold it: a path that does not exist yet is measured at its nearest existing folder.
    public static func free(at path: String) -> Int64? {
        var probe = path
        while !FileManager.default.fileExists(atPath: probe), probe != "/", !probe.isEmpty {
            probe = (probe as NSString).deletingLastPathComponent
        }
        var fs = statvfs()
        guard statvfs(probe.isEmpty ? "/" : probe, &fs) == 0 else { return nil }
        return Int64(fs.f_bavail) * Int64(fs.f_frsize)
    }
}
