import Foundation

/// Finds out, honestly, what this machine can decode and encode, and remembers it.
///
/// Cold, it reads /sys, /dev and /proc (under `root`, so tests can simulate machines),
/// asks NVML, nvidia-smi, vainfo and ffmpeg what exists, and then proves every candidate
/// path with a short real ffmpeg encode or decode, all in parallel with a per-trial
/// timeout. Warm, when the fingerprint (render nodes, PCI ids, NVIDIA driver version,
/// ffmpeg's path, size and mtime) matches the cache, it returns the cached report without
/// running a single program.
///
/// ```swift
/// let detector = HardwareDetector()
/// let (report, cache) = await detector.detect(cached: storedCache)
/// store(cache)                       // JSON, wherever the caller keeps state
/// print(report.renderLines().joined(separator: "\n"))
/// ```
public struct HardwareDetector: Sendable {
    /// Directory standing in for "/" when reading /sys, /dev and /proc.
    public var root: String
    public var runner: any ToolRunner
    /// NVML source; nil skips NVML (and falls back to /proc and nvidia-smi).
    public var nvml: (any NVMLQuerying)?
    /// The ffmpeg to probe; nil finds `ffmpeg` through the runner.
    public var ffmpegPath: String?
    /// Longest a single trial may run before it counts as failed.
    public var trialTimeout: Duration
    /// Trials running at once.
    public var parallelTrials: Int
    /// Where decode samples are written (a fresh subdirectory, removed afterwards).
    public var scratchDirectory: String

    public init(root: String = "/", runner: any ToolRunner = ProcessToolRunner(),
                nvml: (any NVMLQuerying)? = NVMLLibrary(), ffmpegPath: String? = nil,
                trialTimeout: Duration = .seconds(5), parallelTrials: Int = 8,
                scratchDirectory: String = NSTemporaryDirectory()) {
        self.root = root
        self.runner = runner
        self.nvml = nvml
        self.ffmpegPath = ffmpegPath
        self.trialTimeout = trialTimeout
        self.parallelTrials = max(1, parallelTrials)
        self.scratchDirectory = scratchDirectory
    }

    var tree: SystemTree { SystemTree(root: root) }

    /// A string that changes when the hardware, the NVIDIA driver or ffmpeg changes, and
    /// not otherwise. Only file reads and a PATH lookup: this is what makes a warm call fast.
    ///
    /// Not covered: a VA-API driver package installed or upgraded under an unchanged GPU
    /// and ffmpeg; call `detect(cached: nil)` to re-test after such a change.
    public func fingerprint() -> String {
        fingerprint(inventory: tree.inventory(), ffmpeg: locateFFmpeg())
    }

    func fingerprint(inventory: HardwareInventory, ffmpeg: String?) -> String {
        func fileStamp(_ path: String?) -> String {
            guard let path else { return "none" }
            return "\(path):\(SystemTree(root: "/").stamp(path) ?? "missing")"
        }
        let nvidiaVersion = inventory.nvidiaDriverVersion ?? tree.read("/sys/module/nvidia/version") ?? "-"
        var parts = ["v\(HardwareCache.currentVersion)", "ffmpeg=\(fileStamp(ffmpeg))",
                     "vainfo=\(fileStamp(runner.locate("vainfo")))", "nvidia=\(nvidiaVersion)"]
        parts.append("drm=" + inventory.renderNodes.map { node in
            "\(node.name)@\(node.pciSlot ?? node.platformName ?? "?")=\(node.vendorId.map(PCIVendor.hex) ?? "?"):"
                + "\(node.deviceId.map(PCIVendor.hex) ?? "?"):\(node.driver ?? "?")"
        }.joined(separator: ","))
        parts.append("pci=" + inventory.pciDisplays.map {
            "\($0.slot)=\(PCIVendor.hex($0.vendorId)):\(PCIVendor.hex($0.deviceId)):\($0.driver ?? "?")"
        }.joined(separator: ","))
        parts.append("nvgpu=" + inventory.nvidiaGPUs.map { "\($0.slot)=\($0.model ?? "?")" }.joined(separator: ","))
        parts.append("nvdev=\(inventory.nvidiaDeviceFiles.count)")
        parts.append("v4l2=" + inventory.v4l2Codecs.map { "\($0.name)=\($0.label):\($0.driver ?? "?")" }.joined(separator: ","))
        return parts.joined(separator: "|")
    }

    func locateFFmpeg() -> String? {
        ffmpegPath ?? runner.locate("ffmpeg")
    }

    /// The report for this machine: the cached one when `cached` still matches the
    /// fingerprint (no program runs), otherwise a fresh detection. Returns the cache to
    /// store for next time (the same value when it was reused).
    public func detect(cached: HardwareCache?) async -> (HardwareReport, HardwareCache) {
        let clock = ContinuousClock()
        let start = clock.now
        let inventory = tree.inventory()
        let ffmpeg = locateFFmpeg()
        let print = fingerprint(inventory: inventory, ffmpeg: ffmpeg)
        if let cached, cached.version == HardwareCache.currentVersion, cached.fingerprint == print {
            var report = cached.report
            report.cached = true
            report.durationMs = Self.milliseconds(clock.now - start)
            return (report, cached)
        }
        var report = await probe(inventory: inventory, ffmpeg: ffmpeg)
        report.cached = false
        report.durationMs = Self.milliseconds(clock.now - start)
        return (report, HardwareCache(fingerprint: print, report: report))
    }

    /// A fresh detection, ignoring any cache.
    public func detect() async -> HardwareReport {
        await detect(cached: nil).0
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
