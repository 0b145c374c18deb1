import Foundation

/// Whether a rule's action should run on a file: the idempotency half of `transcode --auto`.
///
/// Cron runs it again and again, so a file is skipped when it already meets what the action
/// would make (its codec, languages, channels, container, sidecars), when the action's
/// output is already there (originals kept), when one of our own outputs or temporary
/// files is the file, and when a job for it is queued, running or failed (a failed one waits
/// for `jobs retry`, so a broken file is not retried every night).
public enum RuleDecision: Sendable, Equatable {
    case run
    case skip(String)

    /// What the engine knows about earlier jobs, for the decision.
    public struct History: Sendable {
        /// Jobs by input path.
        public var jobsByInput: [String: [TranscodeJob]]
        /// Paths some done job wrote.
        public var outputs: Set<String>

        public init(jobs: [TranscodeJob]) {
            jobsByInput = Dictionary(grouping: jobs, by: \.input)
            outputs = Set(jobs.filter { $0.state == .done }.flatMap { $0.outputs + [$0.target] })
        }

        public static let empty = History(jobs: [])
    }

    public static func decide(recipe: TranscodeRecipe, probe: ProbeResult, target: String, history: History,
                              exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> RuleDecision {
        let path = probe.path
        if OutputNaming.isTemp(path) { return .skip("a seedtui temporary file") }
        if history.outputs.contains(path) { return .skip("written by an earlier job") }
        if let why = alreadyMeets(recipe: recipe, probe: probe, exists: exists) { return .skip("already meets the rule: \(why)") }
        for job in history.jobsByInput[path] ?? [] where job.target == target {
            switch job.state {
            case .queued, .running: return .skip("job #\(job.id ?? 0) is \(job.state.rawValue)")
            case .failed: return .skip("job #\(job.id ?? 0) failed (\(job.reason ?? "no reason")); `jobs retry \(job.id ?? 0)` tries again")
            case .done, .cancelled: break
            }
        }
        if !recipe.sidecarsOnly && target != path && exists(target) { return .skip("\((target as NSString).lastPathComponent) already exists") }
        return .run
    }

    /// Why the file already is what the recipe makes, or nil when the recipe would change it.
    public static func alreadyMeets(recipe: TranscodeRecipe, probe: ProbeResult,
                                    exists: (String) -> Bool = { FileManager.default.fileExists(atPath: $0) }) -> String? {
        let textSubs = probe.subtitles.filter(FFmpegArguments.isTextSubtitle)
        let sidecarsThere = textSubs.isEmpty || OutputNaming.sidecars(input: probe.path, streams: textSubs).allSatisfy(exists)
        if recipe.sidecarsOnly {
            if textSubs.isEmpty { return "no text subtitles to extract" }
            return sidecarsThere ? "its subtitle sidecars exist" : nil
        }
        var met: [String] = []
        if recipe.dropVideo {
            guard probe.video == nil else { return nil }
            met.append("no video")
        } else if let codec = recipe.videoCodec, let video = probe.video {
            guard ConditionField.codecName(video.codec) == codec.rawValue else { return nil }
            if recipe.toneMapToSDR && ToneMapping.isHDR(video) { return nil }
            if recipe.eightBit && (video.bitDepth ?? 8) > 8 { return nil }
            met.append("video is \(codec.rawValue)")
        }
        if let keep = recipe.keepAudio {
            let set = Set(keep.map(LanguageCode.canonical))
            guard probe.audio.allSatisfy({ $0.language.map { set.contains(LanguageCode.canonical($0)) } ?? false }) else { return nil }
            met.append("audio only in \(keep.joined(separator: ","))")
        }
        if recipe.firstAudioOnly && probe.audio.count > 1 { return nil }
        if recipe.downmix {
            guard probe.audio.allSatisfy({ ($0.channels ?? 2) <= 2 }) else { return nil }
            met.append("audio is stereo")
        }
        if recipe.addStereoAAC {
            guard probe.audio.contains(where: { $0.codec == "aac" && $0.channels == 2 }) else { return nil }
            met.append("has a stereo AAC track")
        }
        switch recipe.audio {
        case .aac: guard probe.audio.allSatisfy({ $0.codec == "aac" }) else { return nil }
        case .opus: guard probe.audio.allSatisfy({ $0.codec == "opus" }) else { return nil }
        case .copy: break
        }
        if let container = recipe.container {
            let have = container == "opus" ? (probe.path as NSString).pathExtension.lowercased() : probe.container
            guard have == container else { return nil }
            met.append("already \(container)")
        }
        if recipe.subtitles == .extract {
            guard sidecarsThere else { return nil }
            met.append("subtitle sidecars exist")
        }
        if recipe.subtitles == .drop && !probe.subtitles.isEmpty { return nil }
        return met.isEmpty ? "nothing to change" : met.joined(separator: ", ")
    }
}
