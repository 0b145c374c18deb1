import Foundation

/// The ffmpeg command lines of the test encodes and decodes, and how to read their
/// failures.
///
/// Each command is built so that success can only mean the path really worked:
/// hardware decodes force the native decoder (`-c:v av1`, or ffmpeg would pick libdav1d)
/// and download the frames with `hwdownload` (which fails if ffmpeg silently fell back to
/// software frames), and every run stops at the first error (`-xerror`).
enum TrialCommand {
    static let base = ["-hide_banner", "-nostdin", "-v", "error"]
    /// Ten frames of a synthetic picture: enough for an encoder to open and emit packets.
    static let source = ["-f", "lavfi", "-i", "testsrc2=size=256x144:rate=25", "-frames:v", "10"]
    /// Decode samples are a little larger: NVDEC refuses HEVC below 144 lines.
    static let sampleSource = ["-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25", "-frames:v", "10"]
    static let toNull = ["-f", "null", "-"]
    /// NVENC's `-gpu` and the cuda hwaccel count GPUs the way CUDA does; this makes it PCI order.
    static let cudaEnvironment = ["CUDA_DEVICE_ORDER": "PCI_BUS_ID"]

    /// A software encode that also leaves a sample file for the decode trials.
    static func softwareEncode(encoder: String, speed: [String], output: String) -> [String] {
        base + sampleSource + ["-pix_fmt", "yuv420p", "-c:v", encoder] + speed + ["-y", output]
    }

    static func softwareDecode(decoder: String, sample: String) -> [String] {
        base + ["-xerror", "-c:v", decoder, "-i", sample] + toNull
    }

    static func nvencEncode(_ codec: VideoCodec, gpu: Int) -> [String] {
        base + source + ["-pix_fmt", "yuv420p", "-c:v", codec.hardwareCodecName("nvenc"), "-gpu", String(gpu)] + toNull
    }

    static func nvdecDecode(_ codec: VideoCodec, gpu: Int, sample: String) -> [String] {
        base + ["-xerror", "-hwaccel", "cuda", "-hwaccel_device", String(gpu), "-hwaccel_output_format", "cuda",
                "-c:v", codec.nativeDecoder, "-i", sample, "-vf", "hwdownload,format=nv12"] + toNull
    }

    static func vaapiEncode(_ codec: VideoCodec, node: String, lowPower: Bool) -> [String] {
        base + ["-vaapi_device", node] + source + ["-vf", "format=nv12,hwupload", "-c:v", codec.hardwareCodecName("vaapi")]
            + (lowPower ? ["-low_power", "1"] : []) + toNull
    }

    static func vaapiDecode(_ codec: VideoCodec, node: String, sample: String) -> [String] {
        base + ["-xerror", "-hwaccel", "vaapi", "-hwaccel_device", node, "-hwaccel_output_format", "vaapi",
                "-c:v", codec.nativeDecoder, "-i", sample, "-vf", "hwdownload,format=nv12"] + toNull
    }

    /// QSV sits on a VAAPI device of the same node, so the trial uses that very GPU.
    static func qsvDevice(node: String) -> [String] {
        ["-init_hw_device", "vaapi=va:\(node)", "-init_hw_device", "qsv=qs@va", "-filter_hw_device", "qs"]
    }

    static func qsvEncode(_ codec: VideoCodec, node: String) -> [String] {
        base + qsvDevice(node: node) + source
            + ["-vf", "format=nv12,hwupload=extra_hw_frames=64,format=qsv", "-c:v", codec.hardwareCodecName("qsv")] + toNull
    }

    /// The QSV decoders never fall back to software, so decoding at all proves the path.
    static func qsvDecode(_ codec: VideoCodec, node: String, sample: String) -> [String] {
        base + ["-xerror"] + qsvDevice(node: node) + ["-c:v", codec.hardwareCodecName("qsv"), "-i", sample] + toNull
    }

    static func v4l2Encode(_ codec: VideoCodec) -> [String] {
        base + source + ["-pix_fmt", "yuv420p", "-c:v", codec.hardwareCodecName("v4l2m2m")] + toNull
    }

    static func v4l2Decode(_ codec: VideoCodec, sample: String) -> [String] {
        base + ["-xerror", "-c:v", codec.hardwareCodecName("v4l2m2m"), "-i", sample] + toNull
    }

    /// The line that says why a trial failed. ffmpeg tags its component errors
    /// (`[h264_nvenc @ 0x55d1] No capable devices found`); those come first, without the
    /// tag, up to two of them. Encoder chatter (`x265 [info]`, `Svt[info]`) is ignored.
    static func failureReason(_ result: ToolResult, timeout: Duration) -> String {
        if let launch = result.launchError { return HardwareText.clean(launch) }
        if result.timedOut { return "timed out after \(timeout.components.seconds) s" }
        let lines = result.stderr.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !isChatter($0) }
        var tagged: [String] = []
        for line in lines where line.hasPrefix("[") {
            guard let close = line.firstIndex(of: "]"), line[..<close].contains(" @ ") else { continue }
            let message = line[line.index(after: close)...].trimmingCharacters(in: .whitespaces)
            if !message.isEmpty, !tagged.contains(message) { tagged.append(message) }
            if tagged.count == 2 { break }
        }
        let chosen = tagged.isEmpty ? lines.last.map { [$0] } ?? [] : tagged
        let text = HardwareText.clean(chosen.joined(separator: "; "))
        return text.isEmpty ? "exit status \(result.status)" : text
    }

    static func isChatter(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("x265 [info]") || lower.hasPrefix("x265 [warning]") || lower.hasPrefix("svt[info]")
            || lower.hasPrefix("svt[warn]") || lower.hasPrefix("encoded ") || lower.hasPrefix("svt [")
    }
}
