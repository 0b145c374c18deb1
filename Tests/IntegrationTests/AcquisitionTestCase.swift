import Foundation
import XCTest

/// Acquisition tests drive the binary against a Torznab server the test writes; every command's
/// output is checked for the indexer's API key, which must never be printed.
class AcquisitionTestCase: HomeTestCase {
    /// The key the test's indexer expects.
    var apiKey: String { "" }

    /// Runs a headless command in the test's home; checks its exit status (unless nil) and that
    /// the API key is nowhere in what it printed.
    @discardableResult
    func st(_ args: [String], _ status: Int32? = 0, file: StaticString = #filePath, line: UInt = #line) throws -> Harness.Result {
        precondition(!apiKey.isEmpty, "an acquisition test names its indexer's API key")
        let r = try h.run(home: home, args, timeout: 150)
        if let status { XCTAssertEqual(r.status, status, "\(args): \(r.stderr)", file: file, line: line) }
        XCTAssertFalse(r.stdout.contains(apiKey) || r.stderr.contains(apiKey), "the API key was printed", file: file, line: line)
        return r
    }

    func object(_ args: [String]) throws -> [String: Any] { try XCTUnwrap(try h.json(try st(args + ["--json"])) as? [String: Any]) }
    func array(_ args: [String]) throws -> [[String: Any]] { try XCTUnwrap(try h.json(try st(args + ["--json"])) as? [[String: Any]]) }

    /// Device and inode: a library file that is a hardlink of the download has the same.
    func inode(_ path: String) -> (dev: UInt64, ino: UInt64)? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return (UInt64(s.st_dev), UInt64(s.st_ino))
    }
}

/// A path as the engine reports it: its folder with symlinks resolved (temporary folders can
/// sit behind one).
enum LibraryLinkerPath {
    static func real(_ path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        guard let r = realpath(dir, nil) else { return path }
        defer { free(r) }
        return String(cString: r) + "/" + (path as NSString).lastPathComponent
    }
}

/// What the tests' Torznab servers (Python, on 127.0.0.1) share.
enum TorznabTestServer {
    /// The start of every test's Torznab server script: a quiet request handler with `send`.
    /// The script after it defines `class H(Handler)` and serves it.
    static let prelude = #"""
        import http.server
        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a): pass
            def send(self, code, body, ctype="application/rss+xml"):
                data = body if isinstance(body, bytes) else body.encode()
                self.send_response(code); self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)

        """#
}
