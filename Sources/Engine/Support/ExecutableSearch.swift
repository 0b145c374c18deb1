import Foundation

/// Finds a program as a shell would ($PATH), without running a shell: hooks, ffmpeg, vainfo,
/// nvidia-smi. `extra` folders are tried after $PATH (a daemon's PATH is often short).
public enum ExecutableSearch {
    public static func find(_ name: String, extra: [String] = []) -> String? {
        if name.contains("/") { return isExecutable(name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var seen = Set<String>()
        for dir in path.split(separator: ":").map(String.init) + extra where !dir.isEmpty {
            guard seen.insert(dir).inserted else { continue }
            let candidate = dir.hasSuffix("/") ? dir + name : dir + "/" + name
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutable(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }
}
