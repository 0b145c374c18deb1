/// One planned ffmpeg run: its argv and the files it writes, each with what verification
/// expects to find in it.
public struct FFmpegCommand: Codable, Sendable, Equatable {
    public struct Output: Codable, Sendable, Equatable {
        /// Where the file goes once verified.
        public var target: String
        /// Where ffmpeg writes it.
        public var temp: String
        public var isSidecar: Bool
        /// Streams the output must hold, by type.
        public var videoStreams: Int
        public var audioStreams: Int
        public var subtitleStreams: Int
        /// The duration it must have (the input's), when known and meaningful.
        public var duration: Double?

        enum CodingKeys: String, CodingKey {
            case target, temp, duration
            case isSidecar = "sidecar", videoStreams = "video_streams", audioStreams = "audio_streams"
            case subtitleStreams = "subtitle_streams"
        }
    }

    public var argv: [String]
    public var outputs: [Output]
    /// Streams left out, conversions made, the tone-mapping path.
    public var notes: [String]
    /// The video route, when video is encoded.
    public var route: VideoRoute?

    /// What does the work, for listings: the video encoder, `copy`, or for outputs without
    /// video the audio encoder (`libopus`), or `srt` for sidecars.
    public var encoder: String

    /// `gpu` when the encode runs on a GPU, else `cpu`.
    public var device: String { route?.encodesOnGPU == true ? "gpu" : "cpu" }
}
