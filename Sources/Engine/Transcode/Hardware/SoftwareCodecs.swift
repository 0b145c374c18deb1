/// The CPU encoders and decoders that passed a trial.
///
/// Software is the path of last resort and sometimes the only one (an H100 has no
/// encoder), so it is tested like the hardware: a Debian ffmpeg lists libsvtav1 whether
/// or not the library loads.
public struct SoftwareCodecs: Codable, Sendable, Equatable {
    /// Usable encoders, best first per codec: `libx264`, `libx265`, `libsvtav1`...
    public var encoders: [String]
    /// Usable decoders: `h264`, `hevc`, `libdav1d`, `vp9`...
    public var decoders: [String]
    public var trials: [HardwareTrial]

    public init(encoders: [String] = [], decoders: [String] = [], trials: [HardwareTrial] = []) {
        self.encoders = encoders
        self.decoders = decoders
        self.trials = trials
    }
}
