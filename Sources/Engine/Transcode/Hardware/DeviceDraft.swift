/// A device being put together: the report entry plus what the trials need to know
/// about it (which family of paths, its vainfo listing, its NVML answers).
struct DeviceDraft: Sendable {
    enum Family: Sendable, Equatable {
        case nvidia
        /// A DRM render node: VAAPI, plus QSV when Intel.
        case drm(intel: Bool)
        case v4l2
    }

    var family: Family
    var device: HardwareDevice
    var vainfo: VAInfo?
    var nvml: NVMLSnapshot.GPU?

    /// The paths this device may offer, best first.
    func paths(_ direction: TrialDirection) -> [HardwarePath] {
        switch (family, direction) {
        case (.nvidia, .decode): [.nvdec]
        case (.nvidia, .encode): [.nvenc]
        case (.drm(let intel), .decode): intel ? [.vaapi, .qsv] : [.vaapi]
        case (.drm(let intel), .encode): intel ? [.qsv, .vaapi] : [.vaapi]
        case (.v4l2, _): [.v4l2m2m]
        }
    }
}

/// Why a path was not even tried for a codec on a device ("ffmpeg has no av1_nvenc
/// encoder"), kept to explain a null in the report.
struct PathNote: Sendable {
    var owner: Int?
    var direction: TrialDirection
    var codec: VideoCodec
    var path: HardwarePath
    var text: String
}
