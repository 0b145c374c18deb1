/// Everything the sources said before any trial ran: the filesystem inventory, ffmpeg's
/// self-description, vainfo per render node, NVML or its fallbacks.
struct HardwareObservations: Sendable {
    var inventory: HardwareInventory
    var ffmpegPath: String?
    var ffmpeg: FFmpegCapabilities?
    var ffmpegError: String?
    var vainfoPath: String?
    /// By render node path.
    var vainfo: [String: VAInfo] = [:]
    var vainfoErrors: [String: String] = [:]
    var nvml: NVMLSnapshot?
    var nvmlError: String?
    var smi: [NVIDIAText.SMIGPU] = []
    var smiError: String?
}
