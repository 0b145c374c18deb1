import Foundation
import XCTest

/// Transcoding with the real binary and real ffmpeg on media generated for each test:
/// outputs verified by probing, cancel and restart, bad inputs, rules, dry runs.
final class TranscodeTests: HomeTestCase {
    var ffmpeg: String!
    var media: String!
    /// The engine's environment: a software-only hardware report, so no test waits for detection.
    var env: [String: String] = [:]

    override func setUpWithError() throws {
        try super.setUpWithError()
        guard let ff = Harness.which("ffmpeg") else { throw XCTSkip("ffmpeg is not installed (make test-deps)") }
        ffmpeg = ff
        media = h.path("media")
        try FileManager.default.createDirectory(atPath: media, withIntermediateDirectories: true)
        let report = h.path("software-report.json")
        try Self.softwareReport.write(toFile: report, atomically: true, encoding: .utf8)
        env = ["SEEDTUI_TRANSCODE_REPORT": report]
    }

    static let softwareReport = """
        {"devices":[],"software":{"encoders":["libx264","libx265","libsvtav1","libvpx-vp9"],"decoders":["h264","hevc"],"trials":[]},
         "ffmpeg":{"hwaccels":[],"hardware_encoders":[],"hardware_decoders":[]},"recommended":{},"notes":["test: software only"],
         "detected_at":"2026-01-01T00:00:00Z","cached":false,"duration_ms":0}
        """

    /// A report that claims NVENC and NVDEC on CUDA device 0: on a machine without them,
    /// ffmpeg fails at once, as with a GPU that is gone.
    static let nvencReport = """
        {"devices":[],"software":{"encoders":["libx264","libx265"],"decoders":["h264","hevc"],"trials":[]},
         "ffmpeg":{"hwaccels":["cuda"],"hardware_encoders":["hevc_nvenc"],"hardware_decoders":[]},
         "recommended":{"hevc":{"encode":"hevc_nvenc","encode_path":"nvenc","encode_device":"0","encode_options":[]},
                        "h264":{"decode":"cuda","decode_path":"nvdec","decoder":"h264","decode_device":"0","encode":"libx264",
                                "encode_path":"software","encode_options":[]}},
         "notes":[],"detected_at":"2026-01-01T00:00:00Z","cached":false,"duration_ms":0}
        """

    @discardableResult
    func st(_ args: [String], home: String? = nil, timeout: TimeInterval = 120, env extra: [String: String] = [:]) throws -> Harness.Result {
        try h.run(home: home ?? self.home, args, timeout: timeout, environment: env.merging(extra) { $1 })
    }

    func json(_ r: Harness.Result) throws -> Any { try h.json(r) }

    /// H.264 + one AAC track per language (tagged), optionally with an English SRT.
    func clip(_ name: String, seconds: Int = 4, size: String = "320x240", languages: [String] = ["eng"],
              subtitles: Bool = false) throws -> String {
        let path = media + "/" + name
        var args = ["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=\(size):rate=24:duration=\(seconds)"]
        for (i, _) in languages.enumerated() { args += ["-f", "lavfi", "-i", "sine=frequency=\(300 + 200 * i):duration=\(seconds)"] }
        if subtitles {
            let srt = h.path("subs.srt")
            try "1\n00:00:00,500 --> 00:00:01,500\nHello\n\n2\n00:00:02,000 --> 00:00:03,000\nWorld\n".write(toFile: srt, atomically: true, encoding: .utf8)
            args += ["-i", srt]
        }
        for i in 0...(languages.count + (subtitles ? 1 : 0)) { args += ["-map", String(i)] }
        args += ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]
        for (i, lang) in languages.enumerated() { args += ["-metadata:s:a:\(i)", "language=\(lang)"] }
        if subtitles { args += ["-c:s", "srt", "-metadata:s:s:0", "language=eng"] }
        let r = try Harness.exec(ffmpeg, args + [path], timeout: 120)
        XCTAssertEqual(r.status, 0, r.stderr)
        return path
    }

    func probe(_ path: String) throws -> [String: Any] {
        let r = try st(["probe", "--json", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap((try json(r) as? [[String: Any]])?.first)
    }

    func streams(_ probe: [String: Any], _ type: String) -> [[String: Any]] {
        ((probe["streams"] as? [[String: Any]]) ?? []).filter { $0["type"] as? String == type }
    }

    func jobs(home: String? = nil) throws -> [[String: Any]] {
        let r = try st(["jobs", "--json"], home: home)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(try json(r) as? [[String: Any]])
    }

    func job(_ id: Int, home: String? = nil) throws -> [String: Any] {
        try XCTUnwrap(try jobs(home: home).first { $0["id"] as? Int == id })
    }

    func temps(_ dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".seedtui-tmp.") }
    }

    func fingerprint(_ path: String) throws -> String {
        let a = try FileManager.default.attributesOfItem(atPath: path)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return "\(data.count):\(data.hashValue):\((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
    }

    /// Any live ffmpeg whose argv names `fragment`.
    func ffmpegRunning(_ fragment: String) -> Bool {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(entry) != nil {
            guard let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let args = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if args.first?.hasSuffix("ffmpeg") == true && args.contains(where: { $0.contains(fragment) }) { return true }
        }
        return false
    }

    // MARK: Tests

    func testPresetsComeFromTheDatabase() throws {
        let r = try st(["presets", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let presets = try XCTUnwrap((try json(r) as? [String: Any])?["presets"] as? [[String: Any]])
        let names = Set(presets.compactMap { $0["name"] as? String })
        XCTAssertTrue(names.isSuperset(of: ["hevc-archive", "h264-compat", "remux-mkv", "audio-opus", "extract-subs"]), "\(names)")
        XCTAssertEqual(try st(["presets", "add", "small", "--recipe", "video=hevc quality=30 container=mkv"]).status, 0)
        let bad = try st(["presets", "add", "worse", "--recipe", "video=hevc quality=300"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--recipe: quality=300 must be a whole number"), bad.stderr)
        XCTAssertEqual(try st(["presets", "remove", "hevc-archive"]).status, 2)
        XCTAssertEqual(try st(["presets", "remove", "small"]).status, 0)
    }

    func testH264CompatIsVerifiedAndKeepsTheOriginal() throws {
        let input = try clip("movie.mkv", languages: ["eng", "fre"], subtitles: true)
        let before = try fingerprint(input)
        let r = try st(["transcode", input, "--preset", "h264-compat", "--wait", "--json", "--timeout", "100"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let result = try XCTUnwrap(try json(r) as? [String: Any])
        let job = try XCTUnwrap((result["jobs"] as? [[String: Any]])?.first)
        XCTAssertEqual(job["state"] as? String, "done")
        XCTAssertEqual(job["percent"] as? Double, 100)
        XCTAssertEqual(job["outputs"] as? [String], [media + "/movie.mp4"])

        let out = try probe(media + "/movie.mp4")
        XCTAssertEqual(out["container"] as? String, "mp4")
        XCTAssertEqual(streams(out, "video").first?["codec"] as? String, "h264")
        XCTAssertEqual(streams(out, "video").first?["pix_fmt"] as? String, "yuv420p")
        XCTAssertEqual(streams(out, "audio").map { $0["codec"] as? String }, ["aac", "aac"])
        XCTAssertEqual(streams(out, "subtitle").first?["codec"] as? String, "mov_text")
        let seconds = try XCTUnwrap(out["duration"] as? Double)
        XCTAssertEqual(seconds, 4, accuracy: 0.1)
        XCTAssertEqual(try fingerprint(input), before, "the original is kept untouched")
        XCTAssertEqual(temps(media), [])
        // The output takes the input's permissions, not the engine's private umask.
        let mode = (try FileManager.default.attributesOfItem(atPath: media + "/movie.mp4")[.posixPermissions] as? Int) ?? 0
        let inputMode = (try FileManager.default.attributesOfItem(atPath: input)[.posixPermissions] as? Int) ?? 0
        XCTAssertEqual(mode, inputMode)
        // A second run refuses to overwrite the output.
        let again = try st(["transcode", input, "--preset", "h264-compat"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
    }

    func testRemuxExtractSubsAndAudioOpus() throws {
        let input = try clip("show.mkv", languages: ["eng"], subtitles: true)
        let mp4 = media + "/show.mp4"
        XCTAssertEqual(try Harness.exec(ffmpeg, ["-v", "error", "-i", input, "-map", "0:v", "-map", "0:a", "-c", "copy", mp4]).status, 0)
        XCTAssertEqual(try st(["transcode", mp4, "--preset", "remux-mkv", "--output", media + "/remuxed.mkv", "--wait"]).status, 0)
        let remuxed = try probe(media + "/remuxed.mkv")
        XCTAssertEqual(remuxed["container"] as? String, "mkv")
        XCTAssertEqual(streams(remuxed, "video").first?["codec"] as? String, "h264")
        XCTAssertEqual(streams(remuxed, "audio").count, 1)

        let subs = try st(["transcode", input, "--preset", "extract-subs", "--wait"])
        XCTAssertEqual(subs.status, 0, subs.stderr)
        let srt = try String(contentsOfFile: media + "/show.eng.srt", encoding: .utf8)
        XCTAssertTrue(srt.contains("Hello") && srt.contains("World"), srt)

        let opus = try st(["transcode", input, "--preset", "audio-opus", "--wait"])
        XCTAssertEqual(opus.status, 0, opus.stderr)
        let audio = try probe(media + "/show.opus")
        XCTAssertEqual(streams(audio, "audio").first?["codec"] as? String, "opus")
        XCTAssertEqual(streams(audio, "video").count, 0)
        XCTAssertEqual(temps(media), [])
    }

    func testRuleKeepsEnglishAudioAndAutoIsIdempotent() throws {
        let library = h.path("library")
        try FileManager.default.createDirectory(atPath: library, withIntermediateDirectories: true)
        media = library
        let input = try clip("Film (2001).mkv", languages: ["eng", "fre"])
        media = h.path("media")
        XCTAssertEqual(try st(["library", "add", library, "--type", "movies"]).status, 0)
        XCTAssertEqual(try st(["scan", "--wait"]).status, 0)
        let bad = try st(["rules", "add", "--library", library, "--when", "audio_languages hs fre", "--then", "keep-audio=eng"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--when: unexpected 'fre'") || bad.stderr.contains("--when:"), bad.stderr)
        let add = try st(["rules", "add", "--library", library, "--when", "audio_languages has fre", "--then", "keep-audio=eng"])
        XCTAssertEqual(add.status, 0, add.stderr)

        let test = try st(["rules", "test", input, "--json"])
        XCTAssertEqual(test.status, 0, test.stderr)
        let verdict = try XCTUnwrap(try json(test) as? [String: Any])
        XCTAssertEqual(verdict["fired"] as? Int, 1)
        XCTAssertEqual(verdict["decision"] as? String, "run")
        let argv = try XCTUnwrap(verdict["argv"] as? [String])
        XCTAssertTrue(argv.joined(separator: " ").contains("-map 0:0 -map 0:1 -c:v copy -c:a:0 copy"), argv.joined(separator: " "))
        XCTAssertFalse(argv.contains("0:2"))

        let run = try st(["transcode", "--auto", "--wait", "--json", "--timeout", "100"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let output = library + "/Film (2001).transcoded.mkv"
        let out = try probe(output)
        XCTAssertEqual(streams(out, "audio").count, 1)
        XCTAssertEqual(streams(out, "audio").first?["language"] as? String, "eng")
        XCTAssertEqual(streams(out, "video").first?["codec"] as? String, "h264")

        // Cron runs it again: nothing to do, even after the output is catalogued.
        XCTAssertEqual(try st(["scan", "--wait"]).status, 0)
        let again = try st(["transcode", "--auto", "--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let second = try XCTUnwrap(try json(again) as? [String: Any])
        XCTAssertEqual((second["jobs"] as? [Any])?.count, 0, "\(second)")
        let reasons = ((second["skipped"] as? [[String: Any]]) ?? []).compactMap { $0["reason"] as? String }
        XCTAssertTrue(reasons.contains { $0.contains("already exists") }, "\(reasons)")
        XCTAssertEqual(try jobs().count, 1)
    }

    func testCancelMidJobLeavesNothingAtTheTarget() throws {
        let input = try clip("long.mkv", seconds: 30, size: "1280x720")
        let r = try st(["transcode", input, "--preset", "hevc-archive", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let id = try XCTUnwrap(((try json(r) as? [String: Any])?["jobs"] as? [[String: Any]])?.first?["id"] as? Int)
        try h.waitUntil("the job to make progress", timeout: 60) {
            let j = try job(id)
            return j["state"] as? String == "running" && ((j["percent"] as? Double) ?? 0) > 0
        }
        XCTAssertEqual(temps(media).count, 1, "ffmpeg writes a temporary file beside the target")
        let running = try st(["jobs"])
        XCTAssertTrue(running.stdout.contains("running"), running.stdout)
        XCTAssertEqual(try st(["jobs", "cancel", String(id)]).status, 0)
        try h.waitUntil("the job to be cancelled", timeout: 15) { try job(id)["state"] as? String == "cancelled" }
        XCTAssertFalse(FileManager.default.fileExists(atPath: media + "/long.hevc-archive.mkv"))
        XCTAssertEqual(temps(media), [])
        try h.waitUntil("ffmpeg to be gone", timeout: 10) { !ffmpegRunning("long.hevc-archive") }
        // A cancelled job can run again.
        XCTAssertEqual(try st(["jobs", "retry", String(id)]).status, 0)
        XCTAssertEqual(try st(["jobs", "cancel", "all"]).status, 0)
        try h.waitUntil("the retried job to be cancelled", timeout: 15) { try job(id)["state"] as? String == "cancelled" }
        XCTAssertEqual(temps(media), [])
    }

    func testEngineRestartRequeuesJobs() throws {
        let long = try clip("long.mkv", seconds: 30, size: "1280x720")
        let short = try clip("short.mkv")
        let a = try st(["transcode", long, "--preset", "hevc-archive", "--json"])
        let b = try st(["transcode", short, "--preset", "remux-mkv", "--output", media + "/short-remux.mkv", "--json"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(b.status, 0, b.stderr)
        let idA = try XCTUnwrap(((try json(a) as? [String: Any])?["jobs"] as? [[String: Any]])?.first?["id"] as? Int)
        let idB = try XCTUnwrap(((try json(b) as? [String: Any])?["jobs"] as? [[String: Any]])?.first?["id"] as? Int)
        try h.waitUntil("the long job to run", timeout: 30) { try job(idA)["state"] as? String == "running" }
        XCTAssertEqual(try job(idB)["state"] as? String, "queued", "one CPU slot: the second job waits")

        XCTAssertEqual(try st(["engine", "stop"]).status, 0)
        // The next command starts a new engine: the interrupted job is queued again, the queued one still is.
        let first = try job(idA)
        XCTAssertTrue(["queued", "running"].contains(first["state"] as? String), "\(first)")
        XCTAssertTrue(((first["notes"] as? [String]) ?? []).contains { $0.contains("re-queued") }, "\(first)")
        XCTAssertTrue(["queued", "running", "done"].contains(try job(idB)["state"] as? String))
        XCTAssertEqual(try st(["jobs", "cancel", String(idA)]).status, 0)
        try h.waitUntil("the queued job to finish", timeout: 60) { try job(idB)["state"] as? String == "done" }
        try h.waitUntil("the interrupted job to be cancelled", timeout: 15) { try job(idA)["state"] as? String == "cancelled" }
        XCTAssertTrue(FileManager.default.fileExists(atPath: media + "/short-remux.mkv"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: media + "/long.hevc-archive.mkv"))
        XCTAssertEqual(temps(media), [])
    }

    func testBadInputsFailWithAReasonAndTheQueueGoesOn() throws {
        let good = try clip("good.mkv")
        let data = try Data(contentsOf: URL(fileURLWithPath: good))
        let truncated = media + "/truncated.mkv"
        try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: truncated))
        let garbage = try h.payload("media/garbage.mkv", bytes: 200_000)
        let before = [try fingerprint(truncated), try fingerprint(garbage)]

        let r = try st(["transcode", garbage, truncated, good, "--preset", "remux-mkv", "--wait", "--json", "--timeout", "100"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("did not finish"), r.stderr)
        let jobs = try XCTUnwrap((try json(r) as? [String: Any])?["jobs"] as? [[String: Any]])
        XCTAssertEqual(jobs.map { $0["state"] as? String }, ["failed", "failed", "done"])
        let garbageReason = try XCTUnwrap(jobs[0]["reason"] as? String)
        XCTAssertTrue(garbageReason.contains("cannot read the input"), garbageReason)
        let truncatedReason = try XCTUnwrap(jobs[1]["reason"] as? String)
        XCTAssertTrue(truncatedReason.contains("truncated.remux-mkv.mkv") || truncatedReason.contains("ffmpeg failed"), truncatedReason)
        XCTAssertEqual([try fingerprint(truncated), try fingerprint(garbage)], before, "originals untouched")
        XCTAssertFalse(FileManager.default.fileExists(atPath: media + "/truncated.remux-mkv.mkv"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: media + "/garbage.remux-mkv.mkv"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: media + "/good.remux-mkv.mkv"))
        XCTAssertEqual(temps(media), [])

        let unknown = try st(["transcode", good, "--preset", "no-such-preset"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown preset 'no-such-preset'"), unknown.stderr)

        // No ffmpeg: the job fails with a reason that says what to do.
        let other = h.path("home-noffmpeg")
        let missing = try st(["transcode", good, "--preset", "h264-compat", "--wait", "--json"], home: other,
                             env: ["SEEDTUI_FFMPEG": "/nonexistent/ffmpeg"])
        XCTAssertEqual(missing.status, 1)
        let failed = try XCTUnwrap(((try json(missing) as? [String: Any])?["jobs"] as? [[String: Any]])?.first)
        XCTAssertTrue((failed["reason"] as? String ?? "").contains("ffmpeg was not found"), "\(failed)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: media + "/good.mp4"))
    }

    func testDryRunJSONPrintsTheExactArgv() throws {
        let input = try clip("plan.mkv", languages: ["eng", "fre"])
        let r = try st(["transcode", input, "--preset", "h264-compat", "--dry-run", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let plan = try XCTUnwrap(((try json(r) as? [String: Any])?["jobs"] as? [[String: Any]])?.first)
        XCTAssertEqual(plan["state"] as? String, "planned")
        XCTAssertNil(plan["id"] as? Int)
        let argv = try XCTUnwrap(plan["argv"] as? [String])
        XCTAssertTrue(argv[0].hasPrefix("/") && argv[0].hasSuffix("ffmpeg"), argv[0])
        XCTAssertEqual(Array(argv[1...8]), ["-hide_banner", "-nostdin", "-v", "error", "-y", "-progress", "pipe:1", "-nostats"])
        XCTAssertEqual(argv[argv.firstIndex(of: "-i")! + 1], input)
        XCTAssertEqual(argv.last, media + "/.plan.seedtui-tmp.mp4")
        XCTAssertTrue(argv.contains("+faststart"))
        XCTAssertEqual(try jobs().count, 0, "a dry run queues nothing")
        XCTAssertEqual(temps(media), [])
        // The argv is exactly what runs: run it by hand and the file is there.
        let direct = try Harness.exec(argv[0], Array(argv.dropFirst()), timeout: 100)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        XCTAssertTrue(direct.stdout.contains("progress=end"), "progress goes to stdout")
        let out = try probe(argv.last!)
        XCTAssertEqual(streams(out, "video").first?["codec"] as? String, "h264")
    }

    func testFailingGPUFallsBackToTheCPU() throws {
        let input = try clip("gpu.mkv")
        let report = h.path("nvenc-report.json")
        try Self.nvencReport.write(toFile: report, atomically: true, encoding: .utf8)
        let other = h.path("home-gpu")
        let dry = try st(["transcode", input, "--preset", "hevc-archive", "--dry-run", "--json"], home: other,
                         env: ["SEEDTUI_TRANSCODE_REPORT": report])
        let planned = try XCTUnwrap(((try json(dry) as? [String: Any])?["jobs"] as? [[String: Any]])?.first?["argv"] as? [String])
        XCTAssertTrue(planned.joined(separator: " ").contains("-hwaccel cuda -hwaccel_device 0 -hwaccel_output_format cuda -c:v h264 -i"), planned.joined(separator: " "))
        XCTAssertTrue(planned.contains("hevc_nvenc"))

        let r = try st(["transcode", input, "--preset", "hevc-archive", "--wait", "--json", "--timeout", "100"], home: other,
                       env: ["SEEDTUI_TRANSCODE_REPORT": report])
        XCTAssertEqual(r.status, 0, r.stderr)
        let job = try XCTUnwrap(((try json(r) as? [String: Any])?["jobs"] as? [[String: Any]])?.first)
        let notes = (job["notes"] as? [String]) ?? []
        if job["encoder"] as? String == "libx265" {
            XCTAssertTrue(notes.contains { $0.contains("NVENC (hevc_nvenc)") && $0.contains("retrying on the CPU with libx265") }, "\(notes)")
        } else {
            XCTAssertEqual(job["encoder"] as? String, "hevc_nvenc", "a machine with a working NVENC encodes there")
        }
        XCTAssertEqual(streams(try probe(media + "/gpu.hevc-archive.mkv"), "video").first?["codec"] as? String, "hevc")
        XCTAssertEqual(temps(media), [])
    }
}
