/// One video engine found on the machine (a GPU, or an ARM board's V4L2 codec block), with
/// what it was proven to do.
///
/// `decode` and `encode` hold the path that passed a trial, per codec; the `…_unavailable`
/// maps say why a codec has none, in words a user can act on ("NVENC not present on this
/// GPU (NVML encoder capacity 0)"), because a bare null on a GPU that obviously exists
/// reads as a bug.
public struct HardwareDevice: Codable, Sendable, Equatable {
    /// "NVIDIA", "Intel", "AMD", or the SoC vendor for V4L2 devices.
    public var vendor: String
    public var model: String
    /// The kernel driver (`nvidia`, `i915`, `xe`, `amdgpu`, `bcm2835-codec`).
    public var driver: String?
    /// The NVIDIA driver version, or the VA-API driver's own version string.
    public var driverVersion: String?
    /// PCI vendor:device ids, `10de:2330`.
    public var pciId: String?
    /// PCI address, `0000:18:00.0`.
    public var pciSlot: String?
    /// `/dev/dri/renderD128`, for VAAPI and QSV.
    public var renderNode: String?
    /// CUDA device index (PCI bus order, as with `CUDA_DEVICE_ORDER=PCI_BUS_ID`).
    public var cudaIndex: Int?
    /// `/dev/videoN` nodes of a V4L2 M2M codec.
    public var videoNodes: [String]
    public var decode: CodecPaths
    public var encode: CodecPaths
    public var decodeUnavailable: [VideoCodec: String]
    public var encodeUnavailable: [VideoCodec: String]
    /// Every trial run for this device, passed or failed.
    public var trials: [HardwareTrial]
    public var notes: [String]

    public init(vendor: String, model: String, driver: String? = nil, driverVersion: String? = nil,
                pciId: String? = nil, pciSlot: String? = nil, renderNode: String? = nil, cudaIndex: Int? = nil,
                videoNodes: [String] = [], decode: CodecPaths = CodecPaths(), encode: CodecPaths = CodecPaths(),
                decodeUnavailable: [VideoCodec: String] = [:], encodeUnavailable: [VideoCodec: String] = [:],
                trials: [HardwareTrial] = [], notes: [String] = []) {
        self.vendor = vendor
        self.model = model
        self.driver = driver
        self.driverVersion = driverVersion
        self.pciId = pciId
        self.pciSlot = pciSlot
        self.renderNode = renderNode
        self.cudaIndex = cudaIndex
        self.videoNodes = videoNodes
        self.decode = decode
        self.encode = encode
        self.decodeUnavailable = decodeUnavailable
        self.encodeUnavailable = encodeUnavailable
        self.trials = trials
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case vendor, model, driver, decode, encode, trials, notes
        case driverVersion = "driver_version"
        case pciId = "pci_id"
        case pciSlot = "pci_slot"
        case renderNode = "render_node"
        case cudaIndex = "cuda_index"
        case videoNodes = "video_nodes"
        case decodeUnavailable = "decode_unavailable"
        case encodeUnavailable = "encode_unavailable"
    }

    /// The ffmpeg device argument for a path on this device: the render node for VAAPI and
    /// QSV, the CUDA index for NVIDIA, nothing for V4L2 (ffmpeg finds the node itself).
    public func ffmpegDevice(for path: HardwarePath) -> String? {
        switch path {
        case .nvdec, .nvenc: cudaIndex.map(String.init)
        case .vaapi, .qsv: renderNode
        case .v4l2m2m, .software: nil
        }
    }
}
