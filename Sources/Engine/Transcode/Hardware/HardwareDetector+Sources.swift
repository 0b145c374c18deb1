import Foundation

extension HardwareDetector {
    /// Asks ffmpeg, vainfo and NVML (or nvidia-smi) what exists, all at once.
    func observe(inventory: HardwareInventory, ffmpeg: String?) async -> HardwareObservations {
        var observations = HardwareObservations(inventory: inventory, ffmpegPath: ffmpeg)
        let vainfoPath = runner.locate("vainfo")
        observations.vainfoPath = vainfoPath
        async let capabilities = ffmpegCapabilities(ffmpeg)
        async let vainfo = vainfoReports(nodes: inventory.renderNodes, vainfo: vainfoPath)
        async let nvidia = nvidiaSources(inventory)
        (observations.ffmpeg, observations.ffmpegError) = await capabilities
        (observations.vainfo, observations.vainfoErrors) = await vainfo
        (observations.nvml, observations.nvmlError, observations.smi, observations.smiError) = await nvidia
        return observations
    }

    func ffmpegCapabilities(_ ffmpeg: String?) async -> (FFmpegCapabilities?, String?) {
        guard let ffmpeg else { return (nil, "ffmpeg not found on PATH") }
        let runner = self.runner
        let timeout = trialTimeout
        func ask(_ flag: String) async -> ToolResult {
            await runner.run(ffmpeg, ["-hide_banner", flag], environment: [:], timeout: timeout)
        }
        async let version = runner.run(ffmpeg, ["-version"], environment: [:], timeout: timeout)
        async let hwaccels = ask("-hwaccels")
        async let encoders = ask("-encoders")
        async let decoders = ask("-decoders")
        let (v, h, e, d) = await (version, hwaccels, encoders, decoders)
        guard v.succeeded else {
            return (nil, "ffmpeg -version failed: \(TrialCommand.failureReason(v, timeout: timeout))")
        }
        var caps = FFmpegCapabilities()
        caps.version = FFmpegCapabilities.version(v.stdout).flatMap(HardwareText.cleaned)
        caps.hwaccels = h.succeeded ? FFmpegCapabilities.hwaccels(h.stdout) : []
        caps.encoders = e.succeeded ? FFmpegCapabilities.videoCodecs(e.stdout) : []
        caps.decoders = d.succeeded ? FFmpegCapabilities.videoCodecs(d.stdout) : []
        return (caps, nil)
    }

    func vainfoReports(nodes: [HardwareInventory.RenderNode], vainfo: String?) async -> ([String: VAInfo], [String: String]) {
        guard let vainfo else { return ([:], [:]) }
        let present = nodes.filter { tree.exists($0.path) && $0.vendorId != PCIVendor.nvidia }
        let runner = self.runner
        let timeout = trialTimeout
        return await withTaskGroup(of: (String, ToolResult).self) { group in
            for node in present {
                group.addTask {
                    (node.path, await runner.run(vainfo, ["--display", "drm", "--device", node.path],
                                                 environment: [:], timeout: timeout))
                }
            }
            var infos: [String: VAInfo] = [:]
            var errors: [String: String] = [:]
            for await (path, result) in group {
                let info = VAInfo(parsing: result.stdout + "\n" + result.stderr)
                if result.succeeded || !info.decode.isEmpty || !info.encode.isEmpty {
                    infos[path] = info
                } else {
                    errors[path] = "vainfo failed: \(TrialCommand.failureReason(result, timeout: timeout))"
                }
            }
            return (infos, errors)
        }
    }

    /// NVML first; nvidia-smi only when NVML gives nothing. Skipped entirely when nothing
    /// on the filesystem hints at an NVIDIA GPU.
    func nvidiaSources(_ inventory: HardwareInventory)
        async -> (NVMLSnapshot?, String?, [NVIDIAText.SMIGPU], String?) {
        guard inventory.hasNVIDIAEvidence else { return (nil, nil, [], nil) }
        var snapshot: NVMLSnapshot?
        var nvmlError: String?
        if let nvml {
            let result: Result<NVMLSnapshot, NVMLError> = await Self.offThread {
                do { return .success(try nvml.snapshot()) } catch let error as NVMLError {
                    return .failure(error)
                } catch { return .failure(NVMLError("\(error)")) }
            }
            switch result {
            case .success(let s): snapshot = s
            case .failure(let e): nvmlError = HardwareText.clean(e.message)
            }
        } else {
            nvmlError = "NVML not queried"
        }
        if let snapshot, !snapshot.gpus.isEmpty { return (snapshot, nil, [], nil) }
        guard let smi = runner.locate("nvidia-smi") else {
            return (snapshot, nvmlError, [], "nvidia-smi not found")
        }
        let result = await runner.run(smi, ["--query-gpu=name,driver_version,pci.bus_id", "--format=csv,noheader"],
                                      environment: [:], timeout: trialTimeout)
        guard result.succeeded else {
            return (snapshot, nvmlError, [], "nvidia-smi failed: \(TrialCommand.failureReason(result, timeout: trialTimeout))")
        }
        return (snapshot, nvmlError, NVIDIAText.smiQuery(result.stdout), nil)
    }

    /// Runs blocking work (an NVML call can take a second) on its own thread, off the
    /// cooperative pool.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
