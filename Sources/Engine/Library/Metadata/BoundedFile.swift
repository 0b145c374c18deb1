#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file read by offset under a byte budget.
///
/// Every reader goes through this so that no hostile header can make it read, or allocate,
/// more than it planned: counts are clamped to the file, the sum of all reads is capped, and
/// FIFOs or devices are refused at open (opened non-blocking first) so nothing waits forever.
final class BoundedFile {
    let path: String
    /// Size in bytes when opened.
    let size: Int64
    /// Most bytes all reads together may return.
    let budget: Int
    /// Bytes returned so far.
    private(set) var consumed = 0
    /// The open descriptor, for libraries that read by descriptor (libarchive); closed with the value.
    let fd: Int32

    init(path: String, budget: Int) throws {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            throw MetadataError(.unreadable, path: path, "cannot open it (\(String(cString: strerror(errno))))",
                                advice: "check that it exists and is readable")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw MetadataError(.unreadable, path: path, "not a regular file", advice: "point the library at files, not devices or pipes")
        }
        self.fd = fd
        self.path = path
        self.size = Int64(st.st_size)
        self.budget = budget
    }

    deinit { close(fd) }

    /// Up to `count` bytes at `offset`: fewer at the end of the file, none past it.
    func read(at offset: Int64, count: Int) throws -> [UInt8] {
        guard offset >= 0, count > 0, offset < size else { return [] }
        let wanted = Int(min(Int64(count), size - offset))
        guard consumed + wanted <= budget else {
            throw MetadataError.tooLarge(path, "reading it needs more than the \(budget >> 10) KiB allowed for its metadata")
        }
        var out = [UInt8](repeating: 0, count: wanted)
        var done = 0
        while done < wanted {
            let got = out.withUnsafeMutableBytes { buffer in
                pread(fd, buffer.baseAddress! + done, wanted - done, off_t(offset) + off_t(done))
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw MetadataError(.unreadable, path: path, "read failed (\(String(cString: strerror(errno))))",
                                    advice: "check the disk and the file's permissions")
            }
            if got == 0 { break }
            done += got
        }
        consumed += done
        if done < wanted { out.removeSubrange(done...) }
        return out
    }

    /// Exactly `count` bytes at `offset`, or `truncated` naming `what` was cut off.
    func readExactly(at offset: Int64, count: Int, what: String) throws -> [UInt8] {
        let bytes = try read(at: offset, count: count)
        guard bytes.count == count else { throw MetadataError.truncated(path, "the file ends inside the \(what)") }
        return bytes
    }
}
