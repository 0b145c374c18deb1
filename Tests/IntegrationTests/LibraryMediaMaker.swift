import Foundation
import XCTest

/// Real media for the library tests, made by ffmpeg, zip and exiftool in the test's folder.
struct LibraryMediaMaker {
    let root: String

    func dir(_ path: String) -> String {
        let full = root + "/" + path
        try? FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    @discardableResult
    func ffmpeg(_ args: [String]) throws -> String {
        let r = try Harness.exec("/usr/bin/ffmpeg", ["-v", "error", "-y"] + args, timeout: 60)
        guard r.status == 0 else { throw HarnessError.unexpected("ffmpeg \(args.joined(separator: " ")): \(r.stderr)") }
        return args.last!
    }

    func chapters(_ titles: [String], seconds: Int) throws -> String {
        var text = ";FFMETADATA1\n"
        for (i, t) in titles.enumerated() {
            text += "[CHAPTER]\nTIMEBASE=1/1000\nSTART=\(i * seconds * 1000)\nEND=\((i + 1) * seconds * 1000)\ntitle=\(t)\n"
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let path = root + "/chapters-\(titles.count).txt"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// H.264 + two AAC tracks (English, French), with chapters.
    func episode(_ path: String) throws {
        let ch = try chapters(["Cold open", "Act one"], seconds: 1)
        try ffmpeg(["-f", "lavfi", "-i", "testsrc=size=320x180:rate=24:duration=2", "-f", "lavfi", "-i", "sine=frequency=300:duration=2",
                    "-f", "lavfi", "-i", "sine=frequency=500:duration=2", "-i", ch,
                    "-map", "0", "-map", "1", "-map", "2", "-map_chapters", "3", "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac",
                    "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=fre", dir((path as NSString).deletingLastPathComponent) + "/" + (path as NSString).lastPathComponent])
    }

    /// HEVC 10-bit with HDR10 signalling.
    func hdrMovie(_ path: String) throws {
        try ffmpeg(["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25:duration=2", "-c:v", "libx265", "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p10le", "-color_trc", "smpte2084", "-color_primaries", "bt2020", "-colorspace", "bt2020nc",
                    "-x265-params", "log-level=error", full(path)])
    }

    func small(_ path: String) throws {
        try ffmpeg(["-f", "lavfi", "-i", "testsrc=size=160x90:rate=10:duration=1", "-c:v", "libx264", "-preset", "ultrafast", full(path)])
    }

    func audio(_ path: String, codec: String, tags: [String: String] = [:], chapters: String? = nil) throws {
        var args = ["-f", "lavfi", "-i", "sine=frequency=440:duration=2"]
        if let chapters { args += ["-i", chapters, "-map", "0", "-map_chapters", "1"] }
        args += ["-c:a", codec]
        for (k, v) in tags.sorted(by: { $0.key < $1.key }) { args += ["-metadata", "\(k)=\(v)"] }
        if path.hasSuffix(".m4b") { args += ["-f", "mp4"] }
        try ffmpeg(args + [full(path)])
    }

    func full(_ path: String) -> String {
        dir((path as NSString).deletingLastPathComponent) + "/" + (path as NSString).lastPathComponent
    }

    func jpeg(_ path: String, exif: [String]) throws {
        let p = try ffmpeg(["-f", "lavfi", "-i", "color=red:s=64x48", "-frames:v", "1", full(path)])
        let r = try Harness.exec("/usr/bin/exiftool", ["-q", "-overwrite_original"] + exif + [p])
        guard r.status == 0 else { throw HarnessError.unexpected("exiftool: \(r.stderr)") }
    }

    /// A zip made with the zip tool from (name, content) pairs, stored in order.
    func zip(_ path: String, _ entries: [(String, String)]) throws {
        let staging = root + "/zip-" + UUID().uuidString
        for (name, content) in entries {
            let file = staging + "/" + name
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try content.write(toFile: file, atomically: true, encoding: .utf8)
        }
        let target = full(path)
        for (i, entry) in entries.enumerated() {
            let r = try Harness.exec("/usr/bin/zip", (i == 0 ? ["-X0q"] : ["-Xq"]) + [target, entry.0], directory: staging)
            guard r.status == 0 else { throw HarnessError.unexpected("zip: \(r.stderr)") }
        }
    }

    func epub(_ path: String, title: String, author: String, series: String, index: Int) throws {
        let opf = """
            <?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
            <dc:title>\(title)</dc:title><dc:creator opf:role="aut">\(author)</dc:creator><dc:language>en</dc:language>
            <dc:identifier id="id" opf:scheme="ISBN">9780306406157</dc:identifier><dc:publisher>Tor</dc:publisher><dc:date>2012-05-01</dc:date>
            <meta name="calibre:series" content="\(series)"/><meta name="calibre:series_index" content="\(index)"/>
            </metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>
            """
        try zip(path, [("mimetype", "application/epub+zip"),
                       ("META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>"),
                       ("OEBPS/content.opf", opf), ("OEBPS/c.xhtml", "<html><body>Hi</body></html>")])
    }
}
