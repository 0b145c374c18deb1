import Foundation

/// The exclusive lock that makes one engine per home.
///
/// `flock` is released by the kernel when the process dies, so a crashed engine never
/// leaves a lock behind; the pid written inside names the holder in the error.
public final class HomeLock: Sendable {
    private let fd: Int32

    private init(fd: Int32) { self.fd = fd }

    static func acquire(_ home: EngineHome) throws -> HomeLock {
        let fd = open(home.lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw EngineError.failed("cannot open \(home.lockPath): \(String(cString: strerror(errno)))")
        }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = pread(fd, &buffer, 31, 0)
            close(fd)
            let pid = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
            throw EngineError.failed("an engine is already running on \(home.path) (pid \(pid)); stop it with `seedtui --headless engine stop` or use another --home")
        }
        let pid = "\(getpid())\n"
        ftruncate(fd, 0)
        _ = pid.withCString { pwrite(fd, $0, strlen($0), 0) }
        return HomeLock(fd: fd)
    }

    /// Reads the pid of the engine holding the lock, if one does.
    public static func holder(_ home: EngineHome) -> Int32? {
        let fd = open(home.lockPath, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            flock(fd, LOCK_UN)
            return nil
        }
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = pread(fd, &buffer, 31, 0)
        guard n > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func release() {
        ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}
