import Foundation

/// Turns a recipe, the input's probe and a video route into ffmpeg's exact argv.
///
/// Pure: no file is touched and nothing runs, so `--dry-run` prints exactly what a job would
/// run, and the golden tests pin every path. Streams are mapped one by one from the probe
/// (`-map 0:3`), except a plain remux to Matroska, which is `-map 0 -c copy`.
public struct FFmpegArguments: Sendable {
    /// argv[0]: the ffmpeg to run.
    public var ffmpeg: String
    public var filters: FilterSupport

    public init(ffmpeg: String = "ffmpeg", filters: FilterSupport = .debianFFmpeg51) {
        self.ffmpeg = ffmpeg
        self.filters = filters
    }

    static let textSubtitleCodecs: Set<String> = [
        "subrip", "srt", "ass", "ssa", "mov_text", "webvtt", "text", "microdvd", "subviewer", "subviewer1", "realtext",
        "sami", "mpl2", "pjs", "vplayer", "jacosub", "stl",
    ]
    static let mp4AudioCodecs: Set<String> = ["aac", "ac3", "eac3", "mp3", "alac"]
    static let mp4VideoCodecs: Set<String> = ["h264", "hevc", "av1", "mpeg4", "vp9", "mpeg2video"]

    public static func isTextSubtitle(_ s: ProbeStream) -> Bool { textSubtitleCodecs.contains(s.codec) }

    /// Options every run starts with: no banner, no stdin, errors only on stderr (the tail
    /// becomes the failure reason), machine-readable progress on stdout.
    var head: [String] { [ffmpeg, "-hide_banner", "-nostdin", "-v", "error", "-y", "-progress", "pipe:1", "-nostats"] }

    /// The command for one job. `target` is the main output (ignored for sidecars-only
    /// recipes); `route` is how to encode video (nil: software, chosen here).
    ///
    /// `sidecarExists` says which `.srt` sidecars are already there: those streams are not
    /// extracted again (nothing is overwritten).
    public func build(recipe: TranscodeRecipe, probe: ProbeResult, target: String, route: VideoRoute? = nil,
                      sidecarExists: (String) -> Bool = { _ in false }) throws -> FFmpegCommand {
        let input = probe.path
        var notes: [String] = []
        var textSubs = probe.subtitles.filter(Self.isTextSubtitle)
        if recipe.sidecarsOnly || recipe.subtitles == .extract {
            let names = OutputNaming.sidecars(input: input, streams: textSubs)
            let existing = Set(zip(textSubs, names).filter { sidecarExists($0.1) }.map(\.0.index))
            if !existing.isEmpty {
                let shown = zip(textSubs, names).filter { existing.contains($0.0.index) }.map { ($0.1 as NSString).lastPathComponent }
                notes.append("already there, not overwritten: \(shown.joined(separator: ", "))")
                if recipe.sidecarsOnly && existing.count == textSubs.count {
                    throw EngineError.invalid("every subtitle sidecar of \(input) already exists (\(shown.joined(separator: ", ")))")
                }
                textSubs = textSubs.filter { !existing.contains($0.index) }
            }
        }
        if recipe.sidecarsOnly || recipe.subtitles == .extract {
            let images = probe.subtitles.filter { !Self.isTextSubtitle($0) }
            if !images.isEmpty {
                notes.append("\(images.count) image subtitle stream(s) (\(Set(images.map(\.codec)).sorted().joined(separator: ", "))) cannot become .srt; not extracted")
            }
        }
        if recipe.sidecarsOnly {
            guard !textSubs.isEmpty else {
                throw EngineError.invalid("\(input) has no text subtitle stream to extract" + (probe.subtitles.isEmpty ? "" : " (only image subtitles: \(Set(probe.subtitles.map(\.codec)).sorted().joined(separator: ", ")))"))
            }
            var argv = head + ["-i", input]
            let outputs = sidecarOutputs(input: input, streams: textSubs, probe: probe, argv: &argv)
            return FFmpegCommand(argv: argv, outputs: outputs, notes: notes, route: nil, encoder: "srt")
        }

        let container = OutputNaming.container(for: recipe, input: input)
        let video = recipe.dropVideo || container == "opus" ? nil : probe.video
        if recipe.videoCodec != nil && !recipe.dropVideo && probe.video == nil {
            throw EngineError.invalid("\(input) has no video stream to encode; use an audio preset such as audio-opus")
        }
        if recipe.toneMapToSDR && recipe.videoCodec == nil, let v = video, ToneMapping.isHDR(v) {
            throw EngineError.invalid("HDR to SDR re-encodes the video: give a video codec (video=hevc) or a preset that encodes")
        }

        var input0: [String] = []
        var videoArgs: [String] = []
        var usedRoute: VideoRoute?
        if let v = video, let codec = recipe.videoCodec {
            let r = route ?? VideoRoute.software(codec)
            usedRoute = r
            (input0, videoArgs) = try videoPlan(route: r, video: v, codec: codec, recipe: recipe, container: container, notes: &notes)
        } else if let v = video {
            videoArgs = ["-c:v", "copy"]
            if container == "mp4" && v.codec == "hevc" { videoArgs += ["-tag:v", "hvc1"] }
            if container == "mp4" && !Self.mp4VideoCodecs.contains(v.codec) {
                throw EngineError.invalid("\(v.codec) video cannot be copied into MP4; encode it (preset h264-compat) or remux to mkv")
            }
        }

        var argv = head + input0 + ["-i", input]
        var main = FFmpegCommand.Output(target: target, temp: OutputNaming.temp(for: target), isSidecar: false,
                                        videoStreams: 0, audioStreams: 0, subtitleStreams: 0, duration: probe.duration)

        if isPlainRemux(recipe, probe: probe, container: container) {
            argv += ["-map", "0", "-map", "-0:d?", "-c", "copy"]
            main.videoStreams = probe.streams.filter { $0.type == "video" }.count
            main.audioStreams = probe.audio.count
            main.subtitleStreams = probe.subtitles.count
        } else {
            var maps: [String] = []
            var codecs: [String] = []
            if let v = video {
                maps += ["-map", "0:\(v.index)"]
                codecs += videoArgs
                main.videoStreams = 1
            }
            let audio = try audioPlan(recipe: recipe, probe: probe, container: container, notes: &notes)
            maps += audio.maps
            codecs += audio.codecs
            main.audioStreams = audio.count
            let subs = subtitlePlan(recipe: recipe, probe: probe, container: container, notes: &notes)
            maps += subs.maps
            codecs += subs.codecs
            main.subtitleStreams = subs.count
            if container == "mkv" && recipe.subtitles != .drop {
                for a in probe.streams where a.type == "attachment" { maps += ["-map", "0:\(a.index)"] }
                if probe.streams.contains(where: { $0.type == "attachment" }) { codecs += ["-c:t", "copy"] }
            }
            guard main.videoStreams + main.audioStreams + main.subtitleStreams > 0 else {
                throw EngineError.invalid("\(input): nothing to write (no stream the recipe keeps)")
            }
            argv += maps + codecs
        }
        argv += ["-map_metadata", "0", "-map_chapters", "0"]
        if main.videoStreams > 0 { argv += ["-max_muxing_queue_size", "4096"] }
        if container == "mp4" && recipe.faststart { argv += ["-movflags", "+faststart"] }
        argv += ["-f", RecipeContainers.muxer(container), main.temp]

        var outputs = [main]
        if recipe.subtitles == .extract && !textSubs.isEmpty {
            outputs += sidecarOutputs(input: input, streams: textSubs, probe: probe, argv: &argv)
        }
        var encoder = usedRoute?.encoder ?? (main.videoStreams > 0 ? "copy" : "none")
        if main.videoStreams == 0, let i = argv.firstIndex(of: "-c:a:0"), i + 1 < argv.count { encoder = argv[i + 1] }
        return FFmpegCommand(argv: argv, outputs: outputs, notes: notes, route: usedRoute, encoder: encoder)
    }

    /// `-map 0 -c copy` is enough when every stream is copied into Matroska.
    func isPlainRemux(_ recipe: TranscodeRecipe, probe: ProbeResult, container: String) -> Bool {
        container == "mkv" && recipe.videoCodec == nil && !recipe.dropVideo && recipe.audio == .copy && recipe.keepAudio == nil
            && !recipe.firstAudioOnly && !recipe.addStereoAAC && !recipe.downmix
            && (recipe.subtitles == .copy || recipe.subtitles == .extract)
            && !probe.subtitles.contains { $0.codec == "mov_text" }
    }

    func sidecarOutputs(input: String, streams: [ProbeStream], probe: ProbeResult, argv: inout [String]) -> [FFmpegCommand.Output] {
        // Names come from all text streams, so a stream keeps its name when another is skipped.
        let all = probe.subtitles.filter(Self.isTextSubtitle)
        let names = Dictionary(uniqueKeysWithValues: zip(all.map(\.index), OutputNaming.sidecars(input: input, streams: all)))
        return streams.map { stream in
            let path = names[stream.index]!
            let temp = OutputNaming.temp(for: path)
            argv += ["-map", "0:\(stream.index)", "-c:s", "srt", "-f", "srt", temp]
            return FFmpegCommand.Output(target: path, temp: temp, isSidecar: true, videoStreams: 0, audioStreams: 0,
                                        subtitleStreams: 1, duration: nil)
        }
    }

    // MARK: Video

    /// Input options (hwaccel, devices, forced decoder) and output options (filters, encoder,
    /// quality, pixel format) for an encode along `route`.
    func videoPlan(route: VideoRoute, video: ProbeStream, codec: VideoCodec, recipe: TranscodeRecipe, container: String,
                   notes: inout [String]) throws -> (input: [String], output: [String]) {
        let toneMap = recipe.toneMapToSDR && ToneMapping.isHDR(video)
        if recipe.toneMapToSDR && !toneMap { notes.append("input is SDR: no tone-mapping needed") }
        let sourceBits = video.bitDepth ?? 8
        let eightBitOut = recipe.eightBit || toneMap || sourceBits <= 8

        var gpuToneMap: String?
        var cpuChain: [String] = []
        if toneMap {
            gpuToneMap = ToneMapping.gpuFilter(for: route, filters: filters)
            if gpuToneMap == nil {
                guard filters.has("zscale") && filters.has("tonemap") else {
                    throw EngineError.invalid("HDR to SDR needs ffmpeg's zscale and tonemap filters; this ffmpeg lacks them (built without libzimg)")
                }
                cpuChain = [ToneMapping.software]
                if let why = ToneMapping.cpuReason(for: route, filters: filters) { notes.append(why) }
            } else {
                notes.append("tone-mapping on the GPU (\(gpuToneMap!.prefix { $0 != "=" }))")
            }
            if video.hdr == "Dolby Vision" { notes.append("Dolby Vision: tone-mapped from its base layer; colors may be off for profile 5") }
        }
        // 10-bit to 8-bit on the device only through VAAPI's scaler; elsewhere frames come down.
        let needsBitConvert = recipe.eightBit && sourceBits > 8 && gpuToneMap == nil
        var keepOnGPU = route.sameFamily && cpuChain.isEmpty
        if keepOnGPU && needsBitConvert && route.encodePath != .vaapi && route.encodePath != .qsv { keepOnGPU = false }

        var input: [String] = []
        switch route.decodePath {
        case .nvdec:
            input += ["-hwaccel", "cuda"]
            if let d = route.decodeDevice { input += ["-hwaccel_device", d] }
            if keepOnGPU { input += ["-hwaccel_output_format", "cuda"] }
        case .vaapi:
            input += ["-hwaccel", "vaapi"]
            if let d = route.decodeDevice { input += ["-hwaccel_device", d] }
            if keepOnGPU { input += ["-hwaccel_output_format", "vaapi"] }
        case .qsv:
            input += ["-hwaccel", "qsv"]
            if let d = route.decodeDevice { input += ["-qsv_device", d] }
            if keepOnGPU { input += ["-hwaccel_output_format", "qsv"] }
        default:
            break
        }
        if route.decodePath != .software, let decoder = route.decoder { input += ["-c:v", decoder] }

        var chain = cpuChain
        if let gpuToneMap { chain.append(gpuToneMap) }
        var output: [String] = []
        switch route.encodePath {
        case .vaapi:
            if keepOnGPU {
                if needsBitConvert { chain.append("scale_vaapi=format=nv12") }
            } else {
                input += ["-init_hw_device", "vaapi=enc:\(route.encodeDevice ?? "/dev/dri/renderD128")", "-filter_hw_device", "enc"]
                chain += ["format=\(eightBitOut ? "nv12" : "p010le")", "hwupload"]
            }
        case .qsv:
            if keepOnGPU {
                if needsBitConvert { chain.append("vpp_qsv=format=nv12") }
            } else {
                input += ["-init_hw_device", "qsv=enc:hw,child_device=\(route.encodeDevice ?? "/dev/dri/renderD128")", "-filter_hw_device", "enc"]
                chain += ["format=\(eightBitOut ? "nv12" : "p010le")", "hwupload=extra_hw_frames=64"]
            }
        case .nvenc:
            if !keepOnGPU, let d = route.encodeDevice { output += ["-gpu", d] }
        default:
            break
        }
        if !chain.isEmpty { output = ["-vf", chain.joined(separator: ",")] + output }
        let h264Compat = recipe.eightBit && codec == .h264
        output += EncoderQuality.arguments(encoder: route.encoder, quality: recipe.effectiveQuality ?? 22, eightBitH264: h264Compat)
        output += route.encodeOptions
        // Frames in system memory: pick the pixel format here (the tone-map chain ends in yuv420p).
        let systemFrames = !keepOnGPU && (route.encodePath == .software || route.encodePath == .nvenc)
        if systemFrames && recipe.eightBit && cpuChain.isEmpty { output += ["-pix_fmt", "yuv420p"] }
        if toneMap { output += ToneMapping.sdrTags }
        if container == "mp4" && codec == .hevc { output += ["-tag:v", "hvc1"] }
        return (input, output)
    }

    // MARK: Audio

    func audioPlan(recipe: TranscodeRecipe, probe: ProbeResult, container: String,
                   notes: inout [String]) throws -> (maps: [String], codecs: [String], count: Int) {
        var kept = probe.audio
        if let wanted = recipe.keepAudio {
            let set = Set(wanted.map(LanguageCode.canonical))
            let matching = kept.filter { $0.language.map { set.contains(LanguageCode.canonical($0)) } ?? false }
            if matching.isEmpty, let first = kept.first {
                notes.append("no audio in \(wanted.joined(separator: ",")): kept the first track (\(first.language ?? "untagged"))")
                kept = [first]
            } else {
                let dropped = kept.count - matching.count
                if dropped > 0 {
                    let langs = kept.filter { !matching.contains($0) }.map { $0.language ?? "untagged" }
                    notes.append("dropped \(dropped) audio track(s): \(langs.joined(separator: ", "))")
                }
                kept = matching
            }
        }
        if recipe.firstAudioOnly, let first = kept.first { kept = [first] }
        if (recipe.dropVideo || container == "opus") && kept.isEmpty {
            throw EngineError.invalid("\(probe.path) has no audio stream")
        }
        var maps: [String] = []
        var codecs: [String] = []
        var n = 0
        for s in kept {
            maps += ["-map", "0:\(s.index)"]
            codecs += audioCodec(s, n: n, recipe: recipe, container: container, notes: &notes)
            n += 1
        }
        if recipe.addStereoAAC, let first = kept.first {
            if first.codec == "aac" && first.channels == 2 {
                notes.append("the first audio track is already stereo AAC: no track added")
            } else if container == "opus" {
                notes.append("an Opus file holds one audio track: no stereo AAC added")
            } else {
                maps += ["-map", "0:\(first.index)"]
                codecs += ["-c:a:\(n)", "aac", "-ac:a:\(n)", "2", "-b:a:\(n)", "192k",
                           "-metadata:s:a:\(n)", "title=Stereo", "-disposition:a:\(n)", "0"]
                n += 1
            }
        }
        return (maps, codecs, n)
    }

    func audioCodec(_ s: ProbeStream, n: Int, recipe: TranscodeRecipe, container: String, notes: inout [String]) -> [String] {
        let channels = s.channels ?? 2
        let stereo = recipe.downmix && channels > 2
        var mode = recipe.audio
        switch mode {
        case .copy:
            if container == "opus" && s.codec != "opus" {
                mode = .opus
            } else if container == "mp4" && !Self.mp4AudioCodecs.contains(s.codec) {
                notes.append("\(s.codec) audio cannot go into MP4: encoded to AAC")
                mode = .aac
            } else if stereo {
                mode = container == "opus" ? .opus : .aac
            }
        case .aac:
            // Already what the recipe asks for: copied, not encoded a second time.
            if s.codec == "aac" && !stereo && container != "opus" { mode = .copy }
        case .opus:
            if s.codec == "opus" && !stereo { mode = .copy }
        }
        switch mode {
        case .copy:
            return ["-c:a:\(n)", "copy"]
        case .aac:
            var args = ["-c:a:\(n)", "aac", "-b:a:\(n)", recipe.audioBitrate ?? (stereo || channels <= 2 ? "192k" : "384k")]
            if stereo { args += ["-ac:a:\(n)", "2"] }
            return args
        case .opus:
            var args = ["-c:a:\(n)", "libopus", "-b:a:\(n)", recipe.audioBitrate ?? "96k"]
            if channels > 2 {
                if !recipe.downmix { notes.append("Opus: \(channels)-channel audio downmixed to stereo") }
                args += ["-ac:a:\(n)", "2"]
            }
            return args
        }
    }

    // MARK: Subtitles

    func subtitlePlan(recipe: TranscodeRecipe, probe: ProbeResult, container: String,
                      notes: inout [String]) -> (maps: [String], codecs: [String], count: Int) {
        guard recipe.subtitles == .copy || recipe.subtitles == .extract, container != "opus" else { return ([], [], 0) }
        var maps: [String] = []
        var codecs: [String] = []
        var n = 0
        var images: [String] = []
        for s in probe.subtitles {
            let text = Self.isTextSubtitle(s)
            if container == "mp4" {
                guard text else { images.append(s.codec); continue }
                maps += ["-map", "0:\(s.index)"]
                codecs += ["-c:s:\(n)", "mov_text"]
            } else {
                maps += ["-map", "0:\(s.index)"]
                codecs += ["-c:s:\(n)", s.codec == "mov_text" ? "srt" : "copy"]
            }
            n += 1
        }
        if !images.isEmpty {
            notes.append("MP4 cannot hold image subtitles: left out \(images.count) (\(Set(images).sorted().joined(separator: ", ")))")
        }
        return (maps, codecs, n)
    }
}
