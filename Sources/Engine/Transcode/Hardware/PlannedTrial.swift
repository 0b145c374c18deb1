/// A trial waiting to run: who it is for, what it proves, and its ffmpeg arguments.
struct PlannedTrial: Sendable {
    /// Index of the device in the draft list; nil for software.
    var owner: Int?
    var codec: VideoCodec
    var direction: TrialDirection
    var path: HardwarePath
    var tool: String
    var environment: [String: String] = [:]
    /// For software encodes: the sample file it writes, for the decode trials.
    var sampleOutput: String?
    /// What NVML said about this encoder, put in front of a failure.
    var context: String?
    /// Encoder options the trial used that a real encode needs too.
    var encodeOptions: [String] = []
    /// Arguments, given the sample file of the codec (ignored by encodes).
    var arguments: @Sendable (_ sample: String) -> [String]
}

/// A trial and how it went.
struct TrialOutcome: Sendable {
    var plan: PlannedTrial
    var trial: HardwareTrial
}
