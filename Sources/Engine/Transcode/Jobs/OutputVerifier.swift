import Foundation

/// Checks a finished temporary file before it may replace or join anything: it must probe
/// in process, hold the streams the plan expects, and last as long as the input (within 1%,
/// and never stricter than 0.1 s: a container's duration can differ from its source's by a
/// frame or an audio packet).
public enum OutputVerifier {
    /// The problem with `output`, or nil when it is fine.
    public static func problem(_ output: FFmpegCommand.Output) -> String? {
        let probe: ProbeResult
        do {
            probe = try MediaProbe.probe(path: output.temp)
        } catch {
            return "the output does not read back as media: \(error.message)"
        }
        return problem(output, probe: probe)
    }

    public static func problem(_ output: FFmpegCommand.Output, probe: ProbeResult) -> String? {
        let video = probe.streams.filter { $0.type == "video" }.count
        let audio = probe.audio.count
        let subtitles = probe.subtitles.count
        if video < output.videoStreams { return "the output has \(video) video stream(s), expected \(output.videoStreams)" }
        if output.videoStreams == 0 && probe.video != nil { return "the output has a video stream where none was expected" }
        if audio != output.audioStreams { return "the output has \(audio) audio stream(s), expected \(output.audioStreams)" }
        if subtitles != output.subtitleStreams { return "the output has \(subtitles) subtitle stream(s), expected \(output.subtitleStreams)" }
        if let expected = output.duration, expected > 0 {
            guard let actual = probe.duration else { return "the output has no duration (expected \(format(expected)) s)" }
            let tolerance = max(expected * 0.01, 0.1)
            if abs(actual - expected) > tolerance {
                return "the output lasts \(format(actual)) s, the input \(format(expected)) s (more than 1% apart): it is cut short or damaged"
            }
        }
        return nil
    }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
}
