import Foundation

/// What the filesystem says is plugged in, before any program runs.
///
/// Everything here comes from cheap reads of /sys, /dev and /proc (no NVML, no ffmpeg),
/// so the same scan serves both the fingerprint of a warm call and the start of a cold
/// detection.
struct HardwareInventory: Sendable, Equatable {
    /// A DRM render node and the PCI device behind it.
    struct RenderNode: Sendable, Equatable {
        var name: String            // renderD128
        var path: String            // /dev/dri/renderD128
        var vendorId: UInt16?
        var deviceId: UInt16?
        var driver: String?
        var pciSlot: String?
        var platformName: String?   // OF_NAME / modalias for SoC GPUs without PCI ids
    }

    /// A PCI display controller (class 0x03xxxx), with or without a render node.
    struct PCIDisplay: Sendable, Equatable {
        var slot: String
        var vendorId: UInt16
        var deviceId: UInt16
        var driver: String?
    }

    /// An NVIDIA GPU as /proc/driver/nvidia/gpus describes it.
    struct NVIDIAProcGPU: Sendable, Equatable {
        var slot: String
        var model: String?
    }

    /// A /dev/videoN node whose name says it is a codec.
    struct V4L2Node: Sendable, Equatable {
        var name: String            // video10
        var path: String            // /dev/video10
        var label: String           // bcm2835-codec-decode
        var driver: String?
    }

    var renderNodes: [RenderNode] = []
    var pciDisplays: [PCIDisplay] = []
    var nvidiaDriverVersion: String?
    var nvidiaGPUs: [NVIDIAProcGPU] = []
    var nvidiaDeviceFiles: [String] = []
    var v4l2Codecs: [V4L2Node] = []

    /// Whether anything suggests an NVIDIA GPU, so NVML and nvidia-smi are worth asking.
    var hasNVIDIAEvidence: Bool {
        nvidiaDriverVersion != nil || !nvidiaGPUs.isEmpty || !nvidiaDeviceFiles.isEmpty
            || pciDisplays.contains { $0.vendorId == PCIVendor.nvidia }
            || renderNodes.contains { $0.vendorId == PCIVendor.nvidia }
    }
}

/// The PCI vendor ids detection recognizes.
enum PCIVendor {
    static let nvidia: UInt16 = 0x10de
    static let intel: UInt16 = 0x8086
    static let amd: UInt16 = 0x1002

    static func name(_ id: UInt16?) -> String? {
        switch id {
        case nvidia: "NVIDIA"
        case intel: "Intel"
        case amd: "AMD"
        default: nil
        }
    }

    /// "0x10de" or "10de" to 0x10de.
    static func parse(_ text: String?) -> UInt16? {
        guard var t = text?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased(), !t.isEmpty else { return nil }
        if t.hasPrefix("0x") { t.removeFirst(2) }
        return UInt16(t, radix: 16)
    }

    static func hex(_ id: UInt16) -> String {
        let s = String(id, radix: 16)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }
}
