/// What NVML says about the NVIDIA GPUs.
///
/// NVML is the only source that knows whether a GPU has an encoder at all: an H100 has
/// seven NVDECs and no NVENC, and ffmpeg lists `hevc_nvenc` on it all the same.
public struct NVMLSnapshot: Sendable, Equatable {
    public struct GPU: Sendable, Equatable {
        public var index: Int
        public var name: String
        /// `0000:18:00.0`
        public var pciSlot: String?
        /// `10de:2330`
        public var pciId: String?
        /// Encoder capacity per codec, as `nvmlDeviceGetEncoderCapacity` answered.
        public var encoderCapacity: [VideoCodec: EncoderCapacity]

        public init(index: Int, name: String, pciSlot: String? = nil, pciId: String? = nil,
                    encoderCapacity: [VideoCodec: EncoderCapacity] = [:]) {
            self.index = index
            self.name = name
            self.pciSlot = pciSlot
            self.pciId = pciId
            self.encoderCapacity = encoderCapacity
        }
    }

    /// One answer of `nvmlDeviceGetEncoderCapacity`.
    public enum EncoderCapacity: Sendable, Equatable {
        /// Percent of the encoder still free; 0 on GPUs without NVENC (or one fully busy).
        case percent(UInt32)
        /// NVML_ERROR_NOT_SUPPORTED: the GPU has no encoder for this codec.
        case notSupported
        /// Any other NVML error (an old driver that does not know the AV1 query).
        case unknown(String)
    }

    public var driverVersion: String?
    public var gpus: [GPU]

    public init(driverVersion: String?, gpus: [GPU]) {
        self.driverVersion = driverVersion
        self.gpus = gpus
    }
}

/// A source of NVML snapshots: the real library, or a recorded one in tests.
public protocol NVMLQuerying: Sendable {
    /// The GPUs NVML sees; throws `NVMLError` when the library is absent or fails.
    func snapshot() throws -> NVMLSnapshot
}

/// Why NVML gave no answer.
public struct NVMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
