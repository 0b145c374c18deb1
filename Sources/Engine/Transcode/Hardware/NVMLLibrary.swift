import Foundation

/// NVML loaded at run time with `dlopen("libnvidia-ml.so.1")`.
///
/// Linking against NVML would make seedtui fail to start on every machine without an
/// NVIDIA driver; loading it on demand costs nothing there. The handful of C signatures
/// are declared here (`@convention(c)` function types over `dlsym`), so no CUDA headers
/// are needed to build.
public struct NVMLLibrary: NVMLQuerying {
    public var libraryName: String

    public init(libraryName: String = "libnvidia-ml.so.1") {
        self.libraryName = libraryName
    }

    // nvmlReturn_t values used here.
    static let success: Int32 = 0
    static let notSupported: Int32 = 3
    // nvmlEncoderType_t: NVML_ENCODER_QUERY_H264 = 0, HEVC = 1, AV1 = 2.
    static let encoderQuery: [(VideoCodec, Int32)] = [(.h264, 0), (.hevc, 1), (.av1, 2)]

    typealias VoidFn = @convention(c) () -> Int32
    typealias CountFn = @convention(c) (UnsafeMutablePointer<UInt32>) -> Int32
    typealias HandleFn = @convention(c) (UInt32, UnsafeMutablePointer<OpaquePointer?>) -> Int32
    typealias NameFn = @convention(c) (OpaquePointer?, UnsafeMutablePointer<CChar>, UInt32) -> Int32
    typealias DriverFn = @convention(c) (UnsafeMutablePointer<CChar>, UInt32) -> Int32
    typealias CapacityFn = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<UInt32>) -> Int32
    typealias PCIFn = @convention(c) (OpaquePointer?, UnsafeMutableRawPointer) -> Int32
    typealias ErrorStringFn = @convention(c) (Int32) -> UnsafePointer<CChar>?

    public func snapshot() throws -> NVMLSnapshot {
        guard let handle = dlopen(libraryName, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "not found"
            throw NVMLError("NVML not loaded: \(reason)")
        }
        defer { dlclose(handle) }
        func symbol<T>(_ names: String..., as type: T.Type) -> T? {
            for name in names {
                if let pointer = dlsym(handle, name) { return unsafeBitCast(pointer, to: type) }
            }
            return nil
        }
        guard let initialize = symbol("nvmlInit_v2", "nvmlInit", as: VoidFn.self),
              let shutdown = symbol("nvmlShutdown", as: VoidFn.self),
              let count = symbol("nvmlDeviceGetCount_v2", "nvmlDeviceGetCount", as: CountFn.self),
              let handleByIndex = symbol("nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex", as: HandleFn.self)
        else { throw NVMLError("NVML lacks nvmlInit_v2 or nvmlDeviceGetHandleByIndex_v2") }
        let errorString = symbol("nvmlErrorString", as: ErrorStringFn.self)
        func describe(_ code: Int32) -> String {
            errorString?(code).map { String(cString: $0) } ?? "NVML error \(code)"
        }

        let status = initialize()
        guard status == Self.success else { throw NVMLError("nvmlInit_v2 failed: \(describe(status))") }
        defer { _ = shutdown() }

        var snapshot = NVMLSnapshot(driverVersion: nil, gpus: [])
        if let driver = symbol("nvmlSystemGetDriverVersion", as: DriverFn.self) {
            var buffer = [CChar](repeating: 0, count: 96)
            if driver(&buffer, UInt32(buffer.count)) == Self.success { snapshot.driverVersion = String(cBuffer: buffer) }
        }
        var total: UInt32 = 0
        let countStatus = count(&total)
        guard countStatus == Self.success else { throw NVMLError("nvmlDeviceGetCount_v2 failed: \(describe(countStatus))") }

        let name = symbol("nvmlDeviceGetName", as: NameFn.self)
        let capacity = symbol("nvmlDeviceGetEncoderCapacity", as: CapacityFn.self)
        // _v3 and _v2 share a layout; the unversioned v1 struct differs and is not used.
        let pci = symbol("nvmlDeviceGetPciInfo_v3", "nvmlDeviceGetPciInfo_v2", as: PCIFn.self)
        for index in 0..<total {
            var device: OpaquePointer?
            guard handleByIndex(index, &device) == Self.success else { continue }
            var gpu = NVMLSnapshot.GPU(index: Int(index), name: "NVIDIA GPU \(index)")
            if let name {
                var buffer = [CChar](repeating: 0, count: 256)
                if name(device, &buffer, UInt32(buffer.count)) == Self.success { gpu.name = String(cBuffer: buffer) }
            }
            if let pci {
                // nvmlPciInfo_t: char busIdLegacy[16]; unsigned domain, bus, device, pciDeviceId,
                // pciSubSystemId; char busId[32]. 68 bytes; a larger zeroed buffer is harmless.
                var raw = [UInt8](repeating: 0, count: 128)
                let ok = raw.withUnsafeMutableBytes { pci(device, $0.baseAddress!) } == Self.success
                if ok {
                    let ids = raw.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 28, as: UInt32.self) }
                    gpu.pciId = "\(PCIVendor.hex(UInt16(ids & 0xffff))):\(PCIVendor.hex(UInt16(ids >> 16)))"
                    let busId = raw[36..<68].withUnsafeBytes { String(cBuffer: $0) }
                    if !busId.isEmpty { gpu.pciSlot = SystemTree.normalizeSlot(busId) }
                }
            }
            if let capacity {
                for (codec, query) in Self.encoderQuery {
                    var percent: UInt32 = 0
                    let code = capacity(device, query, &percent)
                    gpu.encoderCapacity[codec] = switch code {
                    case Self.success: .percent(percent)
                    case Self.notSupported: .notSupported
                    default: .unknown(describe(code))
                    }
                }
            }
            snapshot.gpus.append(gpu)
        }
        return snapshot
    }
}
