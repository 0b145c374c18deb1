import CCurl
import Foundation

/// Downloads one http(s) URL into a new file with libcurl, streaming, with a size cap.
///
/// `HTTPFetcher` keeps answers in memory (a .torrent, a feed); podcast enclosures are tens or
/// hundreds of megabytes, so they go straight to disk. The file is created with `O_EXCL`
/// (never following or replacing what is there) and removed again on any failure, so a
/// caller sees either a whole download or nothing. Redirects are followed by libcurl, at
/// most 8 and to http(s) only (podcast hosts chain through analytics redirects).
public enum HTTPFileDownload {
    public struct Outcome: Sendable {
        public var bytes: Int64
        public var contentType: String?
    }

    private static let initialized: Bool = {
        curl_global_init(Int(CURL_GLOBAL_DEFAULT))
        return true
    }()

    /// Downloads `url` into `path` (which must not exist); gives up after `maxBytes`, or when
    /// less than 1 KB/s arrives for `stallSeconds`.
    public static func download(_ url: String, to path: String, interface: String? = nil, maxBytes: Int64,
                                stallSeconds: Int = 60) async throws -> Outcome {
        guard HTTPFetcher.isHTTP(url) else { throw EngineError.invalid("'\(HTTPFetcher.redacted(url))' is not an http(s) URL") }
        _ = initialized
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result {
                    do {
                        return try perform(url, path: path, interface: interface, maxBytes: maxBytes, stallSeconds: stallSeconds)
                    } catch {
                        unlink(path)
                        throw error
                    }
                })
            }
        }
    }

    private final class Sink {
        let fd: Int32
        let limit: Int64
        var written: Int64 = 0
        var overflow = false
        var writeError: Int32 = 0
        init(fd: Int32, limit: Int64) { self.fd = fd; self.limit = limit }
    }

    private static func perform(_ url: String, path: String, interface: String?, maxBytes: Int64, stallSeconds: Int) throws -> Outcome {
        let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw EngineError.failed("cannot create \(path): \(String(cString: strerror(errno)))") }
        var closed = false
        defer { if !closed { close(fd) } }
        guard let curl = curl_easy_init() else { throw EngineError.failed("libcurl could not start") }
        defer { curl_easy_cleanup(curl) }
        let sink = Sink(fd: fd, limit: maxBytes)
        let unmanaged = Unmanaged.passRetained(sink)
        defer { unmanaged.release() }
        HTTPFetcher.configure(curl, url: url, interface: interface)
        _ = st_curl_set_long(curl, CURLOPT_FOLLOWLOCATION, 1)
        _ = st_curl_set_long(curl, CURLOPT_MAXREDIRS, 8)
        _ = st_curl_set_long(curl, CURLOPT_CONNECTTIMEOUT, 30)
        _ = st_curl_set_long(curl, CURLOPT_LOW_SPEED_LIMIT, 1024)
        _ = st_curl_set_long(curl, CURLOPT_LOW_SPEED_TIME, stallSeconds)
        _ = st_curl_set_pointer(curl, CURLOPT_WRITEDATA, unmanaged.toOpaque())
        _ = st_curl_set_write(curl) { ptr, size, count, user in
            guard let user, let ptr else { return 0 }
            let sink = Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue()
            let n = size * count
            if sink.written + Int64(n) > sink.limit { sink.overflow = true; return 0 }
            var done = 0
            while done < n {
                let w = write(sink.fd, ptr + done, n - done)
                if w < 0 {
                    if errno == EINTR { continue }
                    sink.writeError = errno
                    return 0
                }
                done += w
            }
            sink.written += Int64(n)
            return n
        }
        let failure = HTTPFetcher.run(curl)
        let shown = HTTPFetcher.redacted(url)
        if sink.overflow { throw EngineError.failed("\(shown): larger than \(Units.formatBytes(maxBytes)); not downloaded") }
        if sink.writeError != 0 { throw EngineError.failed("writing \(path): \(String(cString: strerror(sink.writeError)))") }
        if let failure { throw EngineError.failed("\(shown): \(failure)") }
        var status = 0
        _ = st_curl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        guard (200..<300).contains(status) else { throw EngineError.failed("\(shown): the server answered HTTP \(status)") }
        guard fsync(fd) == 0 else { throw EngineError.failed("writing \(path): \(String(cString: strerror(errno)))") }
        closed = true
        guard close(fd) == 0 else { throw EngineError.failed("writing \(path): \(String(cString: strerror(errno)))") }
        var type: UnsafeMutablePointer<CChar>? = nil
        _ = st_curl_get_string(curl, CURLINFO_CONTENT_TYPE, &type)
        return Outcome(bytes: sink.written, contentType: type.map { String(cString: $0) })
    }
}
