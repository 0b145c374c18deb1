@testable import Engine
import Foundation
import XCTest

/// Golden argv for every path and preset, the rule grammar, and the idempotency decision.
final class TranscodeArgumentTests: XCTestCase {
    // MARK: Fixtures

    static func stream(_ index: Int, _ type: String, _ codec: String, lang: String? = nil, channels: Int? = nil,
                       height: Int? = nil, bits: Int? = nil, hdr: String? = nil, cover: Bool = false) -> ProbeStream {
        var s = ProbeStream(index: index, type: type, codec: codec)
        s.language = lang
        s.channels = channels
        s.height = height
        s.width = height.map { $0 * 16 / 9 }
        s.bitDepth = bits
        s.hdr = hdr
        s.colorTransfer = hdr == nil ? nil : "smpte2084"
        s.isAttachedPicture = cover
        return s
    }

    static func probe(_ path: String, _ streams: [ProbeStream], container: String = "mkv", duration: Double = 60) -> ProbeResult {
        ProbeResult(path: path, container: container, formatName: container, duration: duration, bitRate: 8_000_000, size: 60_000_000,
                    streams: streams, chapters: [], tags: [:], hasCover: streams.contains { $0.isAttachedPicture })
    }

    /// 1080p H.264, English 5.1 AAC, French 5.1 AC-3, English SRT, French PGS.
    static let movie = probe("/m/movie.mkv", [
        stream(0, "video", "h264", height: 1080, bits: 8),
        stream(1, "audio", "aac", lang: "eng", channels: 6),
        stream(2, "audio", "ac3", lang: "fre", channels: 6),
        stream(3, "subtitle", "subrip", lang: "eng"),
        stream(4, "subtitle", "hdmv_pgs_subtitle", lang: "fre"),
    ])

    /// 2160p HEVC 10-bit HDR10 with one English TrueHD track.
    static let hdr = probe("/m/hdr.mkv", [
        stream(0, "video", "hevc", height: 2160, bits: 10, hdr: "HDR10"),
        stream(1, "audio", "truehd", lang: "eng", channels: 8),
    ])

    static let song = probe("/m/song.flac", [
        stream(0, "audio", "flac", channels: 2),
        stream(1, "video", "mjpeg", cover: true),
    ], container: "flac", duration: 200)

    static let head = ["ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-y", "-progress", "pipe:1", "-nostats"]
    static let tail = ["-map_metadata", "0", "-map_chapters", "0", "-max_muxing_queue_size", "4096"]
    static let movieMaps = ["-map", "0:0", "-map", "0:1", "-map", "0:2", "-map", "0:3", "-map", "0:4"]
    static let movieCopies = ["-c:a:0", "copy", "-c:a:1", "copy", "-c:s:0", "copy", "-c:s:1", "copy"]
    static let archiveOut = ["-f", "matroska", "/m/.movie.hevc-archive.seedtui-tmp.mkv"]

    let builder = FFmpegArguments()
    var archive: TranscodeRecipe { TranscodePreset.builtins.first { $0.name == "hevc-archive" }!.recipe }
    func preset(_ name: String) -> TranscodeRecipe { TranscodePreset.builtins.first { $0.name == name }!.recipe }

    static let nvenc = VideoRoute(decodePath: .nvdec, decoder: "h264", decodeDevice: "0", encodePath: .nvenc, encoder: "hevc_nvenc", encodeDevice: "0")
    static let vaapi = VideoRoute(decodePath: .vaapi, decoder: "h264", decodeDevice: "/dev/dri/renderD128", encodePath: .vaapi,
                                  encoder: "hevc_vaapi", encodeDevice: "/dev/dri/renderD128")
    static let qsv = VideoRoute(decodePath: .qsv, decoder: "h264_qsv", decodeDevice: "/dev/dri/renderD128", encodePath: .qsv,
                                encoder: "hevc_qsv", encodeDevice: "/dev/dri/renderD128")

    func target(_ probe: ProbeResult, _ recipe: TranscodeRecipe, suffix: String) -> String {
        OutputNaming.target(input: probe.path, container: OutputNaming.container(for: recipe, input: probe.path),
                            replace: recipe.replace, suffix: suffix)
    }

    // MARK: HEVC archive on each path

    func testHEVCArchiveSoftware() throws {
        let c = try builder.build(recipe: archive, probe: Self.movie, target: target(Self.movie, archive, suffix: "hevc-archive"))
        XCTAssertEqual(c.argv, Self.head + ["-i", "/m/movie.mkv"] + Self.movieMaps
            + ["-c:v", "libx265", "-preset", "medium", "-crf", "22", "-x265-params", "log-level=error"]
            + Self.movieCopies + Self.tail + Self.archiveOut)
        XCTAssertEqual(c.outputs.first?.target, "/m/movie.hevc-archive.mkv")
        XCTAssertEqual(c.outputs.first?.audioStreams, 2)
        XCTAssertEqual(c.outputs.first?.subtitleStreams, 2)
        XCTAssertEqual(c.encoder, "libx265")
        XCTAssertEqual(c.device, "cpu")
    }

    func testHEVCArchiveNVENCKeepsFramesOnTheGPU() throws {
        let c = try builder.build(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", route: Self.nvenc)
        XCTAssertEqual(c.argv, Self.head + ["-hwaccel", "cuda", "-hwaccel_device", "0", "-hwaccel_output_format", "cuda", "-c:v", "h264",
                                            "-i", "/m/movie.mkv"] + Self.movieMaps
            + ["-c:v", "hevc_nvenc", "-preset", "p5", "-tune", "hq", "-rc", "vbr", "-cq", "22", "-b:v", "0"]
            + Self.movieCopies + Self.tail + Self.archiveOut)
        XCTAssertEqual(c.device, "gpu")
    }

    func testHEVCArchiveVAAPI() throws {
        let c = try builder.build(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", route: Self.vaapi)
        XCTAssertEqual(c.argv, Self.head + ["-hwaccel", "vaapi", "-hwaccel_device", "/dev/dri/renderD128", "-hwaccel_output_format", "vaapi",
                                            "-c:v", "h264", "-i", "/m/movie.mkv"] + Self.movieMaps
            + ["-c:v", "hevc_vaapi", "-rc_mode", "CQP", "-qp", "22"] + Self.movieCopies + Self.tail + Self.archiveOut)
    }

    func testHEVCArchiveQSV() throws {
        let c = try builder.build(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", route: Self.qsv)
        XCTAssertEqual(c.argv, Self.head + ["-hwaccel", "qsv", "-qsv_device", "/dev/dri/renderD128", "-hwaccel_output_format", "qsv",
                                            "-c:v", "h264_qsv", "-i", "/m/movie.mkv"] + Self.movieMaps
            + ["-c:v", "hevc_qsv", "-preset", "medium", "-global_quality", "22"] + Self.movieCopies + Self.tail + Self.archiveOut)
    }

    func testSoftwareDecodeFeedsAVAAPIEncoderThroughAnUpload() throws {
        let route = VideoRoute(encodePath: .vaapi, encoder: "hevc_vaapi", encodeDevice: "/dev/dri/renderD129", encodeOptions: ["-low_power", "1"])
        let c = try builder.build(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", route: route)
        XCTAssertEqual(c.argv, Self.head + ["-init_hw_device", "vaapi=enc:/dev/dri/renderD129", "-filter_hw_device", "enc", "-i", "/m/movie.mkv"]
            + Self.movieMaps + ["-vf", "format=nv12,hwupload", "-c:v", "hevc_vaapi", "-rc_mode", "CQP", "-qp", "22", "-low_power", "1"]
            + Self.movieCopies + Self.tail + Self.archiveOut)
    }

    func testGPUDecodeWithCPUEncodeAsOnAnH100() throws {
        // NVDEC decodes, but there is no NVENC: frames come down to libx265.
        let route = VideoRoute(decodePath: .nvdec, decoder: "h264", decodeDevice: "0", encoder: "libx265")
        let c = try builder.build(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", route: route)
        XCTAssertEqual(Array(c.argv[9..<15]), ["-hwaccel", "cuda", "-hwaccel_device", "0", "-c:v", "h264"])
        XCTAssertFalse(c.argv.contains("-hwaccel_output_format"))
        XCTAssertEqual(c.device, "cpu")
        XCTAssertTrue(route.usesHardware)
    }

    // MARK: HDR to SDR

    var sdrArchive: TranscodeRecipe { var r = archive; r.toneMapToSDR = true; return r }

    func testToneMappingInSoftware() throws {
        let c = try builder.build(recipe: sdrArchive, probe: Self.hdr, target: "/m/hdr.sdr.mkv")
        XCTAssertEqual(c.argv, Self.head + ["-i", "/m/hdr.mkv", "-map", "0:0", "-map", "0:1",
            "-vf", "zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p",
            "-c:v", "libx265", "-preset", "medium", "-crf", "22", "-x265-params", "log-level=error",
            "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-c:a:0", "copy"]
            + Self.tail + ["-f", "matroska", "/m/.hdr.sdr.seedtui-tmp.mkv"])
    }

    func testToneMappingOnNVENCRunsOnTheCPUWithoutTonemapCuda() throws {
        let route = VideoRoute(decodePath: .nvdec, decoder: "hevc", decodeDevice: "0", encodePath: .nvenc, encoder: "hevc_nvenc", encodeDevice: "0")
        let c = try builder.build(recipe: sdrArchive, probe: Self.hdr, target: "/m/hdr.sdr.mkv", route: route)
        XCTAssertEqual(Array(c.argv[9..<17]), ["-hwaccel", "cuda", "-hwaccel_device", "0", "-c:v", "hevc", "-i", "/m/hdr.mkv"])
        XCTAssertFalse(c.argv.contains("-hwaccel_output_format"), "frames must come down for the CPU filters")
        let vf = try XCTUnwrap(c.argv.firstIndex(of: "-vf"))
        XCTAssertEqual(c.argv[vf + 1], ToneMapping.software)
        XCTAssertEqual(Array(c.argv[vf + 2...vf + 5]), ["-gpu", "0", "-c:v", "hevc_nvenc"])
        XCTAssertTrue(c.notes.contains { $0.contains("no tonemap_cuda") }, "\(c.notes)")

        // With jellyfin-ffmpeg's tonemap_cuda, frames stay on the GPU.
        var filters = FilterSupport.debianFFmpeg51
        filters.names.insert("tonemap_cuda")
        let g = try FFmpegArguments(filters: filters).build(recipe: sdrArchive, probe: Self.hdr, target: "/m/hdr.sdr.mkv", route: route)
        XCTAssertTrue(g.argv.contains("-hwaccel_output_format"))
        XCTAssertEqual(g.argv[g.argv.firstIndex(of: "-vf")! + 1], ToneMapping.cuda)
    }

    func testToneMappingOnVAAPIUsesTonemapVaapi() throws {
        let route = VideoRoute(decodePath: .vaapi, decoder: "hevc", decodeDevice: "/dev/dri/renderD128", encodePath: .vaapi,
                               encoder: "hevc_vaapi", encodeDevice: "/dev/dri/renderD128")
        let c = try builder.build(recipe: sdrArchive, probe: Self.hdr, target: "/m/hdr.sdr.mkv", route: route)
        XCTAssertEqual(c.argv, Self.head + ["-hwaccel", "vaapi", "-hwaccel_device", "/dev/dri/renderD128", "-hwaccel_output_format", "vaapi",
            "-c:v", "hevc", "-i", "/m/hdr.mkv", "-map", "0:0", "-map", "0:1",
            "-vf", "tonemap_vaapi=format=nv12:t=bt709:m=bt709:p=bt709", "-c:v", "hevc_vaapi", "-rc_mode", "CQP", "-qp", "22",
            "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709", "-c:a:0", "copy"]
            + Self.tail + ["-f", "matroska", "/m/.hdr.sdr.seedtui-tmp.mkv"])
    }

    func testToneMappingOnQSVTonemapsOnTheCPUAndUploads() throws {
        let route = VideoRoute(decodePath: .qsv, decoder: "hevc_qsv", decodeDevice: "/dev/dri/renderD128", encodePath: .qsv,
                               encoder: "hevc_qsv", encodeDevice: "/dev/dri/renderD128")
        let c = try builder.build(recipe: sdrArchive, probe: Self.hdr, target: "/m/hdr.sdr.mkv", route: route)
        XCTAssertEqual(Array(c.argv[9..<19]), ["-hwaccel", "qsv", "-qsv_device", "/dev/dri/renderD128", "-c:v", "hevc_qsv",
                                              "-init_hw_device", "qsv=enc:hw,child_device=/dev/dri/renderD128", "-filter_hw_device", "enc"])
        XCTAssertEqual(c.argv[c.argv.firstIndex(of: "-vf")! + 1], ToneMapping.software + ",format=nv12,hwupload=extra_hw_frames=64")
        XCTAssertTrue(c.notes.contains { $0.contains("vpp_qsv cannot tone-map") }, "\(c.notes)")
        // ffmpeg ≥ 6.0: vpp_qsv tone-maps on the GPU.
        var filters = FilterSupport.debianFFmpeg51
        filters.vppQsvTonemap = true
        let g = try FFmpegArguments(filters: filters).build(recipe: sdrArchive, probe: Self.hdr, target: "/m/hdr.sdr.mkv", route: route)
        XCTAssertEqual(g.argv[g.argv.firstIndex(of: "-vf")! + 1], ToneMapping.qsv)
    }

    func testToneMappingWithoutZscaleIsRefused() {
        let bare = FFmpegArguments(filters: FilterSupport(names: ["format", "scale"]))
        XCTAssertThrowsError(try bare.build(recipe: sdrArchive, probe: Self.hdr, target: "/m/x.mkv")) { error in
            XCTAssertTrue("\(error)".contains("zscale"), "\(error)")
        }
    }

    func testSDRInputIsNotToneMapped() throws {
        let c = try builder.build(recipe: sdrArchive, probe: Self.movie, target: "/m/x.mkv")
        XCTAssertFalse(c.argv.contains("-vf"))
        XCTAssertTrue(c.notes.contains("input is SDR: no tone-mapping needed"))
    }

    func testFilterListParsing() {
        let text = """
            Filters:
              T.. = Timeline support
              ...
             ... tonemap_vaapi     V->V       VAAPI VPP for tone-mapping
             .SC zscale            V->V       Apply resizing, colorspace and bit depth conversion.
             TSC scale             V->V       Scale the input video size and/or convert the image format.
            """
        let f = FilterSupport.parse(filters: text)
        XCTAssertEqual(f.names, ["tonemap_vaapi", "zscale", "scale"])
        XCTAssertFalse(f.vppQsvTonemap)
    }

    // MARK: The other presets

    func testH264CompatMP4() throws {
        let recipe = preset("h264-compat")
        let c = try builder.build(recipe: recipe, probe: Self.movie, target: target(Self.movie, recipe, suffix: "h264-compat"))
        XCTAssertEqual(c.argv, Self.head + ["-i", "/m/movie.mkv", "-map", "0:0", "-map", "0:1", "-map", "0:2", "-map", "0:3",
            "-c:v", "libx264", "-preset", "medium", "-crf", "20", "-profile:v", "high", "-pix_fmt", "yuv420p",
            "-c:a:0", "aac", "-b:a:0", "192k", "-ac:a:0", "2", "-c:a:1", "aac", "-b:a:1", "192k", "-ac:a:1", "2",
            "-c:s:0", "mov_text"] + Self.tail + ["-movflags", "+faststart", "-f", "mp4", "/m/.movie.seedtui-tmp.mp4"])
        XCTAssertEqual(c.outputs.first?.target, "/m/movie.mp4")
        XCTAssertTrue(c.notes.contains { $0.contains("image subtitles") }, "\(c.notes)")
    }

    func testH264CompatOnNVENCFrom10Bit() throws {
        let recipe = preset("h264-compat")
        let route = VideoRoute(decodePath: .nvdec, decoder: "hevc", decodeDevice: "0", encodePath: .nvenc, encoder: "h264_nvenc", encodeDevice: "0")
        let c = try builder.build(recipe: recipe, probe: Self.hdr, target: "/m/hdr.mp4", route: route)
        // 10-bit to 8-bit: frames come down, -pix_fmt picks 8-bit for NVENC.
        XCTAssertFalse(c.argv.contains("-hwaccel_output_format"))
        let v = try XCTUnwrap(c.argv.firstIndex(of: "h264_nvenc"))
        XCTAssertEqual(Array(c.argv[v - 3...v + 16]), ["-gpu", "0", "-c:v", "h264_nvenc", "-preset", "p5", "-tune", "hq", "-rc", "vbr", "-cq", "20",
                                                        "-b:v", "0", "-profile:v", "high", "-pix_fmt", "yuv420p", "-c:a:0", "aac"])
    }

    func testRemuxMKVIsMapZeroCopy() throws {
        let recipe = preset("remux-mkv")
        let mp4 = Self.probe("/m/clip.mp4", [Self.stream(0, "video", "h264", height: 720, bits: 8), Self.stream(1, "audio", "aac", channels: 2)],
                             container: "mp4")
        let c = try builder.build(recipe: recipe, probe: mp4, target: target(mp4, recipe, suffix: "remux-mkv"))
        XCTAssertEqual(c.argv, Self.head + ["-i", "/m/clip.mp4", "-map", "0", "-map", "-0:d?", "-c", "copy"] + Self.tail
            + ["-f", "matroska", "/m/.clip.seedtui-tmp.mkv"])
        XCTAssertEqual(c.outputs.first?.target, "/m/clip.mkv")
        XCTAssertEqual(c.encoder, "copy")
    }

    func testAudioOpusDropsTheCover() throws {
        let recipe = preset("audio-opus")
        let c = try builder.build(recipe: recipe, probe: Self.song, target: target(Self.song, recipe, suffix: "audio-opus"))
        XCTAssertEqual(c.argv, Self.head + ["-i", "/m/song.flac", "-map", "0:0", "-c:a:0", "libopus", "-b:a:0", "96k",
                                            "-map_metadata", "0", "-map_chapters", "0", "-f", "opus", "/m/.song.seedtui-tmp.opus"])
        XCTAssertEqual(c.outputs.first?.videoStreams, 0)
        XCTAssertEqual(c.encoder, "libopus")
    }

    func testExtractSubsWritesTextSidecarsOnly() throws {
        let recipe = preset("extract-subs")
        let c = try builder.build(recipe: recipe, probe: Self.movie, target: OutputNaming.sidecarPattern(input: Self.movie.path))
        XCTAssertEqual(c.argv, Self.head + ["-i", "/m/movie.mkv", "-map", "0:3", "-c:s", "srt", "-f", "srt", "/m/.movie.eng.seedtui-tmp.srt"])
        XCTAssertEqual(c.outputs.map(\.target), ["/m/movie.eng.srt"])
        XCTAssertTrue(c.notes.contains { $0.contains("hdmv_pgs_subtitle") })
        // A sidecar already there is not overwritten; none left to write is an error.
        XCTAssertThrowsError(try builder.build(recipe: recipe, probe: Self.movie, target: "", sidecarExists: { _ in true }))
        XCTAssertThrowsError(try builder.build(recipe: recipe, probe: Self.song, target: ""))
    }

    func testKeepAudioStereoTrackAndDownmix() throws {
        let action = try RuleAction.parse("remux keep-audio=eng add-stereo-aac")
        let recipe = try action.resolve { _ in nil }
        let c = try builder.build(recipe: recipe, probe: Self.movie, target: "/m/movie.transcoded.mkv")
        XCTAssertEqual(c.argv, Self.head + ["-i", "/m/movie.mkv", "-map", "0:0", "-map", "0:1", "-map", "0:1", "-map", "0:3", "-map", "0:4",
            "-c:v", "copy", "-c:a:0", "copy", "-c:a:1", "aac", "-ac:a:1", "2", "-b:a:1", "192k", "-metadata:s:a:1", "title=Stereo",
            "-disposition:a:1", "0", "-c:s:0", "copy", "-c:s:1", "copy"] + Self.tail + ["-f", "matroska", "/m/.movie.transcoded.seedtui-tmp.mkv"])
        XCTAssertEqual(c.outputs.first?.audioStreams, 2)
        XCTAssertTrue(c.notes.contains("dropped 1 audio track(s): fre"), "\(c.notes)")

        let downmix = try RuleAction.parse("downmix keep-audio=fra").resolve { _ in nil }
        let d = try builder.build(recipe: downmix, probe: Self.movie, target: "/m/movie.transcoded.mkv")
        XCTAssertTrue(d.argv.joined(separator: " ").contains("-map 0:2 -map 0:3 -map 0:4 -c:v copy -c:a:0 aac -b:a:0 192k -ac:a:0 2"), d.argv.joined(separator: " "))
        // No track in the wanted language: the first is kept, and the job says so.
        let none = try builder.build(recipe: try RuleAction.parse("keep-audio=jpn").resolve { _ in nil }, probe: Self.movie, target: "/m/x.mkv")
        XCTAssertTrue(none.notes.contains { $0.contains("no audio in jpn") })
        XCTAssertEqual(none.outputs.first?.audioStreams, 1)
    }

    func testOutputNaming() {
        XCTAssertEqual(OutputNaming.temp(for: "/d/My Movie.mkv"), "/d/.My Movie.seedtui-tmp.mkv")
        XCTAssertTrue(OutputNaming.isTemp("/d/.My Movie.seedtui-tmp.mkv"))
        XCTAssertFalse(OutputNaming.isTemp("/d/My Movie.mkv"))
        XCTAssertEqual(OutputNaming.target(input: "/d/a.mkv", container: "mkv", replace: false, suffix: "hevc-archive"), "/d/a.hevc-archive.mkv")
        XCTAssertEqual(OutputNaming.target(input: "/d/a.mkv", container: "mkv", replace: true, suffix: "hevc-archive"), "/d/a.mkv")
        XCTAssertEqual(OutputNaming.target(input: "/d/a.avi", container: "mkv", replace: false, suffix: "x"), "/d/a.mkv")
        let subs = [Self.stream(2, "subtitle", "subrip", lang: "fra"), Self.stream(3, "subtitle", "ass", lang: "fre"), Self.stream(4, "subtitle", "subrip")]
        XCTAssertEqual(OutputNaming.sidecars(input: "/d/a.mkv", streams: subs), ["/d/a.fre.srt", "/d/a.fre.3.srt", "/d/a.4.srt"])
    }

    // MARK: Routes from the hardware report

    func testRouteFromAnH100LikeReport() {
        var report = HardwareReport()
        report.software = SoftwareCodecs(encoders: ["libx264", "libx265"], decoders: ["h264", "hevc"], trials: [])
        report.recommended[.hevc] = CodecRecommendation(decode: "cuda", decodePath: .nvdec, decoder: "hevc", decodeDevice: "0",
                                                        encode: "libx265", encodePath: .software)
        report.recommended[.h264] = CodecRecommendation(decode: "cuda", decodePath: .nvdec, decoder: "h264", decodeDevice: "0",
                                                        encode: "libx264", encodePath: .software)
        let route = VideoRoute.choose(target: .hevc, inputCodec: "h264", report: report)
        XCTAssertEqual(route, VideoRoute(decodePath: .nvdec, decoder: "h264", decodeDevice: "0", encoder: "libx265"))
        XCTAssertFalse(route.encodesOnGPU)
        XCTAssertEqual(route.softwareOnly(.hevc, available: report.software.encoders), VideoRoute(encoder: "libx265"))
        // An input codec the report does not cover decodes in software.
        XCTAssertEqual(VideoRoute.choose(target: .hevc, inputCodec: "mpeg2video", report: report).decodePath, .software)
        XCTAssertEqual(VideoRoute.choose(target: .hevc, inputCodec: "h264", report: nil), VideoRoute(encoder: "libx265"))
    }

    // MARK: Rule conditions

    func testConditionsThatParseAndMatch() throws {
        let yes = [
            "video_codec=h264 and height>=1080",
            "codec = AVC and resolution >= 1080p",
            "audio_languages has fre",
            "audio_languages has fra",
            "audio_language in (jpn, eng)",
            "audio_codec = ac3 or audio_codec = dts",
            "not hdr",
            "hdr = false",
            "container in mkv,mp4 and bitrate > 4M",
            "size < 1G and duration >= 1m",
            "subtitle_codec has pgs",
            "audio_channels > 2 and audio_count = 2",
            "(video_codec != hevc) and not (height < 720)",
            "extension = '.mkv'",
            "pix_fmt ~ yuv",
        ]
        let movie = { () -> ProbeResult in
            var p = Self.movie
            p.streams[0].pixelFormat = "yuv420p"
            return p
        }()
        for text in yes {
            let condition = try RuleCondition.parse(text)
            XCTAssertTrue(condition.matches(movie), text)
        }
        let no = ["hdr", "height >= 4k", "audio_languages has jpn", "video_codec in (hevc, av1)", "bitrate > 20M",
                  "subtitle_languages != eng", "video_bitrate > 1k"]
        for text in no {
            XCTAssertFalse(try RuleCondition.parse(text).matches(movie), text)
        }
        XCTAssertTrue(try RuleCondition.parse("hdr and height>=2160 and bit_depth=10").matches(Self.hdr))
        XCTAssertTrue(try RuleCondition.parse("hdr=hdr10 and hdr!=dolby-vision").matches(Self.hdr))
        XCTAssertEqual(try RuleCondition.parse("height>=1080 and not hdr"),
                       .and(.compare(field: "height", op: .greaterOrEqual, values: ["1080"]), .not(.flag(field: "hdr"))))
        // Unknown values are false: an audio file has no height.
        XCTAssertFalse(try RuleCondition.parse("height < 5000").matches(Self.song))
        XCTAssertTrue(try RuleCondition.parse("not height >= 1").matches(Self.song))
    }

    func testConditionErrorsSayWhatAndWhere() {
        let cases: [(String, String, Int?)] = [
            ("", "the condition is empty", nil),
            ("heigth>=1080", "unknown field 'heigth' (did you mean 'height'?)", 1),
            ("height>=10x80", "'10x80' is not a height such as 1080, 1080p or 4k", 9),
            ("height>=", "expected a height such as 1080, 1080p or 4k after '>=', found end of condition", 9),
            ("video_codec>h264", "'video_codec' is a word: compare it with =, !=, ~ (contains) or in (a, b)", 12),
            ("(height>=1080", "missing ')' for the '(' opened at column 1", nil),
            ("height>=1080 hdr", "unexpected 'hdr'; join tests with 'and' or 'or'", 14),
            ("height", "'height' needs a comparison, such as height>=1080", 7),
            ("audio_languages has english", "'english' is not a language code", 21),
            ("height in (720, 1080)", "'height' is a number", 8),
            ("video_codec = 'h264", "unterminated quote", 15),
            ("height >= 1080 && hdr", "unexpected character '&'", 16),
            ("audio_languages > eng", "'audio_languages' is a list", 17),
        ]
        for (text, message, column) in cases {
            XCTAssertThrowsError(try RuleCondition.parse(text), text) { error in
                let e = error as! RuleSyntaxError
                XCTAssertTrue(e.message.contains(message), "\(text): \(e.message)")
                XCTAssertEqual(e.column, column, "\(text): \(e)")
            }
        }
    }

    // MARK: Rule actions

    func testActionsResolveToRecipes() throws {
        let presets = Dictionary(uniqueKeysWithValues: TranscodePreset.builtins.map { ($0.name, $0) })
        let lookup: (String) -> TranscodePreset? = { presets[$0] }
        XCTAssertEqual(try RuleAction.parse("transcode preset=hevc-archive").resolve(preset: lookup), archive)
        let custom = try RuleAction.parse("transcode video=hevc quality=18 sdr replace container=mkv").resolve(preset: lookup)
        XCTAssertEqual(custom.videoCodec, .hevc)
        XCTAssertEqual(custom.quality, 18)
        XCTAssertTrue(custom.toneMapToSDR && custom.replace)
        XCTAssertEqual(try RuleAction.parse("extract-subs").resolve(preset: lookup).subtitles, .only)
        XCTAssertEqual(try RuleAction.parse("remux extract-subs").resolve(preset: lookup).subtitles, .extract)
        let stereo = try RuleAction.parse("keep-audio=ENG,jpn add-stereo-aac downmix").resolve(preset: lookup)
        XCTAssertEqual(stereo.keepAudio, ["eng", "jpn"])
        XCTAssertTrue(stereo.addStereoAAC && stereo.downmix)
        XCTAssertNil(stereo.videoCodec)
    }

    func testActionErrors() {
        let lookup: (String) -> TranscodePreset? = { name in TranscodePreset.builtins.first { $0.name == name } }
        let cases: [(String, String)] = [
            ("", "the action is empty"),
            ("transcode", "transcode needs preset=NAME or video=CODEC"),
            ("transcode preset=nope", "unknown preset 'nope'"),
            ("remux video=hevc", "remux copies the video"),
            ("quality=20", "quality= applies to a video encode"),
            ("sdr", "sdr tone-maps while encoding"),
            ("video=mpeg2", "video=mpeg2: encode to h264, hevc, av1 or vp9"),
            ("keep-audio=english", "keep-audio=english: list ISO 639 codes"),
            ("transcode preset=hevc-archive frobnicate", "unknown action 'frobnicate'"),
            ("container=avi", "container=avi: write mkv, mp4 or opus"),
            ("downmix downmix", "'downmix' is given twice"),
            ("quality=99 video=hevc", "quality=99 must be a whole number"),
            ("transcode remux", "give either transcode or remux"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try RuleAction.parse(text).resolve(preset: lookup), text) { error in
                XCTAssertTrue("\(error)".contains(message), "\(text): \(error)")
            }
        }
    }

    // MARK: Idempotency

    func testAlreadyMetFilesAreSkipped() {
        let lookup: (String) -> TranscodePreset? = { name in TranscodePreset.builtins.first { $0.name == name } }
        let archive = try! RuleAction.parse("transcode preset=hevc-archive").resolve(preset: lookup)
        let hevc = Self.probe("/m/done.mkv", [Self.stream(0, "video", "hevc", height: 1080, bits: 10), Self.stream(1, "audio", "aac", lang: "eng", channels: 2)])
        let none = RuleDecision.History.empty
        let never: (String) -> Bool = { _ in false }
        XCTAssertEqual(RuleDecision.decide(recipe: archive, probe: hevc, target: "/m/done.hevc-archive.mkv", history: none, exists: never),
                       .skip("already meets the rule: video is hevc, already mkv"))
        XCTAssertEqual(RuleDecision.decide(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", history: none, exists: never), .run)
        // The output of an earlier run is there: skipped, and so is that output itself.
        XCTAssertEqual(RuleDecision.decide(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", history: none,
                                           exists: { $0 == "/m/movie.hevc-archive.mkv" }), .skip("movie.hevc-archive.mkv already exists"))
        var done = TranscodeJob(input: "/m/other.mkv", target: "/m/movie.mkv", preset: "x", ruleId: 1, recipe: archive, priority: 0, createdAt: 0)
        done.state = .done
        done.id = 3
        XCTAssertEqual(RuleDecision.decide(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv",
                                           history: .init(jobs: [done]), exists: never), .skip("written by an earlier job"))
        // A failed job waits for `jobs retry`; a queued one is not queued twice.
        var failed = TranscodeJob(input: "/m/movie.mkv", target: "/m/movie.hevc-archive.mkv", preset: nil, ruleId: 1, recipe: archive, priority: 0, createdAt: 0)
        failed.state = .failed
        failed.id = 7
        failed.reason = "corrupt"
        XCTAssertEqual(RuleDecision.decide(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", history: .init(jobs: [failed]), exists: never),
                       .skip("job #7 failed (corrupt); `jobs retry 7` tries again"))
        failed.state = .queued
        XCTAssertEqual(RuleDecision.decide(recipe: archive, probe: Self.movie, target: "/m/movie.hevc-archive.mkv", history: .init(jobs: [failed]), exists: never),
                       .skip("job #7 is queued"))
        XCTAssertEqual(RuleDecision.decide(recipe: archive, probe: Self.probe("/m/.x.seedtui-tmp.mkv", []), target: "/m/y", history: none, exists: never),
                       .skip("a seedtui temporary file"))

        // Language filtering is met once only the kept languages remain.
        let english = try! RuleAction.parse("keep-audio=eng").resolve(preset: lookup)
        XCTAssertNil(RuleDecision.alreadyMeets(recipe: english, probe: Self.movie, exists: never))
        XCTAssertEqual(RuleDecision.alreadyMeets(recipe: english, probe: hevc, exists: never), "audio only in eng")
        let subs = try! RuleAction.parse("extract-subs").resolve(preset: lookup)
        XCTAssertNil(RuleDecision.alreadyMeets(recipe: subs, probe: Self.movie, exists: never))
        XCTAssertEqual(RuleDecision.alreadyMeets(recipe: subs, probe: Self.movie, exists: { $0 == "/m/movie.eng.srt" }), "its subtitle sidecars exist")
        let sdr = try! RuleAction.parse("transcode video=hevc sdr").resolve(preset: lookup)
        XCTAssertNil(RuleDecision.alreadyMeets(recipe: sdr, probe: Self.hdr, exists: never), "HDR HEVC still needs tone-mapping")
    }

    // MARK: Progress, verification, safety

    func testProgressParser() {
        var parser = FFmpegProgressParser(duration: 40)
        XCTAssertNil(parser.feed("frame=240"))
        XCTAssertNil(parser.feed("fps=61.5"))
        XCTAssertNil(parser.feed("out_time_us=10000000"))
        XCTAssertNil(parser.feed("speed=2.5x"))
        let p = parser.feed("progress=continue")
        XCTAssertEqual(p?.percent, 25)
        XCTAssertEqual(p?.fps, 61.5)
        XCTAssertEqual(p?.eta, 12)
        XCTAssertNil(parser.feed("out_time_us=N/A"))
        XCTAssertNil(parser.feed("speed=N/A"))
        XCTAssertNil(parser.feed("progress=end")?.eta)
        XCTAssertTrue(parser.ended)
        XCTAssertEqual(parser.current.percent, 25, "progress=end alone does not claim completion")
    }

    func testVerifierWantsStreamsAndDuration() {
        let out = FFmpegCommand.Output(target: "/t", temp: "/t.tmp", isSidecar: false, videoStreams: 1, audioStreams: 2,
                                       subtitleStreams: 0, duration: 100)
        let good = Self.probe("/t.tmp", [Self.stream(0, "video", "hevc"), Self.stream(1, "audio", "aac"), Self.stream(2, "audio", "aac")], duration: 100.8)
        XCTAssertNil(OutputVerifier.problem(out, probe: good))
        var short = good
        short.duration = 98.5
        XCTAssertTrue(OutputVerifier.problem(out, probe: short)?.contains("more than 1% apart") ?? false)
        var missing = good
        missing.streams.removeLast()
        XCTAssertEqual(OutputVerifier.problem(out, probe: missing), "the output has 1 audio stream(s), expected 2")
        var tiny = out
        tiny.duration = 4
        var clip = good
        clip.duration = 4.06
        XCTAssertNil(OutputVerifier.problem(tiny, probe: clip), "short clips get 0.1 s")
    }

    func testSafetyChecks() throws {
        XCTAssertNil(JobSafety.spaceProblem(directory: "/d", inputSize: 100, sidecarsOnly: false, free: 100))
        XCTAssertTrue(JobSafety.spaceProblem(directory: "/d", inputSize: 100 << 20, sidecarsOnly: false, free: 99 << 20)?.contains("not enough free space") ?? false)
        XCTAssertNil(JobSafety.spaceProblem(directory: "/d", inputSize: 100 << 20, sidecarsOnly: true, free: 2 << 20))
        XCTAssertNotNil(DiskSpace.free(at: NSTemporaryDirectory()))
        XCTAssertNotNil(DiskSpace.free(at: NSTemporaryDirectory() + "/not/made/yet"), "a folder still to be made is measured at its parent")

        let dir = NSTemporaryDirectory() + "safety-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir + "/Show", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let seeded = dir + "/Show/e1.mkv"
        XCTAssertTrue(FileManager.default.createFile(atPath: seeded, contents: Data([1])))
        XCTAssertTrue(JobSafety.isSeeded(seeded, contentPaths: [dir + "/Show"]))
        XCTAssertFalse(JobSafety.isSeeded(seeded, contentPaths: [dir + "/Other"]))
        // A hard link in a library may be replaced: the torrent keeps its own link.
        XCTAssertEqual(link(seeded, dir + "/library-copy.mkv"), 0)
        XCTAssertFalse(JobSafety.isSeeded(seeded, contentPaths: [dir + "/Show"]))
    }

    func testRecipeJSONRoundTripAndDefaults() throws {
        for preset in TranscodePreset.builtins {
            let data = try JSONEncoder().encode(preset.recipe)
            XCTAssertEqual(try JSONDecoder().decode(TranscodeRecipe.self, from: data), preset.recipe)
        }
        XCTAssertEqual(try JSONDecoder().decode(TranscodeRecipe.self, from: Data("{}".utf8)), TranscodeRecipe())
    }
}
