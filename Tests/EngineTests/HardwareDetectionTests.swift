@testable import Engine
import Foundation
import XCTest

/// Hardware detection against simulated machines (temp directories standing in for /sys,
/// /dev and /proc, and ffmpeg/vainfo/nvidia-smi outputs recorded on real boxes), plus one
/// run against this machine's real ffmpeg.
final class HardwareDetectionTests: XCTestCase {
    // MARK: - Simulated machines

    /// NVIDIA H100: NVDEC for every codec, no NVENC at all. NVML is not loadable here, so
    /// the GPU comes from /proc and nvidia-smi, and the absence of NVENC from the failed
    /// test encodes.
    func testH100DecodesOnGPUAndEncodesOnCPU() async throws {
        let machine = try SimulatedMachine()
        machine.nvidiaGPU(slot: "0000:18:00.0", device: "0x2330", model: "NVIDIA H100 80GB HBM3", driver: "550.54.15")
        machine.pciDisplay(slot: "0000:03:00.0", vendor: "0x1a03", device: "0x2000", driver: "ast") // the BMC
        let runner = machine.runner(tools: ["nvidia-smi"]) { call in
            if call.program == "nvidia-smi" {
                return ToolResult(status: 0, stdout: "NVIDIA H100 80GB HBM3, 550.54.15, 00000000:18:00.0\n")
            }
            if call.encoder?.hasSuffix("_nvenc") == true { return Recorded.nvencUnsupported(call.encoder!) }
            return Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()

        XCTAssertEqual(report.devices.count, 1, "the ASPEED BMC is not a GPU")
        let gpu = try XCTUnwrap(report.devices.first)
        XCTAssertEqual(gpu.vendor, "NVIDIA")
        XCTAssertEqual(gpu.model, "NVIDIA H100 80GB HBM3")
        XCTAssertEqual(gpu.driverVersion, "550.54.15")
        XCTAssertEqual(gpu.pciSlot, "0000:18:00.0")
        XCTAssertEqual(gpu.pciId, "10de:2330")
        XCTAssertEqual(gpu.cudaIndex, 0)
        for codec in VideoCodec.allCases {
            XCTAssertEqual(gpu.decode[codec], .nvdec, "\(codec) decodes on NVDEC")
            XCTAssertNil(gpu.encode[codec], "\(codec) has no NVENC on an H100")
            XCTAssertNotNil(gpu.encodeUnavailable[codec], "\(codec): the report says why")
        }
        XCTAssertTrue(gpu.encodeUnavailable[.h264]!.contains("OpenEncodeSessionEx failed: unsupported device (2)"),
                      gpu.encodeUnavailable[.h264]!)
        XCTAssertTrue(gpu.encodeUnavailable[.h264]!.contains("No capable devices found"))
        XCTAssertEqual(gpu.encodeUnavailable[.vp9], "NVENC has no VP9 encoder")
        XCTAssertTrue(gpu.notes.contains { $0.contains("encoding falls to the CPU") })

        let hevc = try XCTUnwrap(report.recommended[.hevc])
        XCTAssertEqual(hevc.decode, "cuda")
        XCTAssertEqual(hevc.decoder, "hevc")
        XCTAssertEqual(hevc.decodeDevice, "0")
        XCTAssertEqual(hevc.encode, "libx265")
        XCTAssertEqual(hevc.encodePath, .software)
        XCTAssertEqual(report.recommended[.h264]?.encode, "libx264")
        XCTAssertEqual(report.recommended[.av1]?.encode, "libsvtav1")
        XCTAssertTrue(report.notes.contains { $0.contains("decoding on the GPU, encoding in software") }, "\(report.notes)")
        XCTAssertTrue(report.notes.contains { $0.contains("ignored") && $0.contains("ast") }, "\(report.notes)")

        // The trials really were run, and the way that proves a hardware decode.
        let nvdec = runner.calls.first { $0.arguments.contains("cuda") && $0.arguments.contains("hevc") }
        XCTAssertEqual(nvdec?.arguments.contains("hwdownload,format=nv12"), true)
        XCTAssertEqual(nvdec?.environment["CUDA_DEVICE_ORDER"], "PCI_BUS_ID")

        // In the JSON, a missing encoder is an explicit null.
        let json = try XCTUnwrap(String(data: report.jsonData(), encoding: .utf8))
        XCTAssertTrue(json.contains(#""encode":{"av1":null,"h264":null,"hevc":null,"vp9":null}"#), json)
        XCTAssertTrue(json.contains(#""decode":{"av1":"nvdec","h264":"nvdec","hevc":"nvdec","vp9":"nvdec"}"#), json)
    }

    /// The same H100 with NVML loaded: the reason names NVML's encoder capacity, and
    /// nvidia-smi is not needed.
    func testH100WithNVMLExplainsMissingNVENC() async throws {
        let machine = try SimulatedMachine()
        machine.nvidiaGPU(slot: "0000:18:00.0", device: "0x2330", model: "NVIDIA H100 80GB HBM3", driver: "550.54.15")
        let runner = machine.runner(tools: ["nvidia-smi"]) { call in
            call.encoder?.hasSuffix("_nvenc") == true ? Recorded.nvencUnsupported(call.encoder!) : Recorded.ok
        }
        let nvml = RecordedNVML(NVMLSnapshot(driverVersion: "550.54.15", gpus: [
            .init(index: 0, name: "NVIDIA H100 80GB HBM3", pciSlot: "0000:18:00.0", pciId: "10de:2330",
                  encoderCapacity: [.h264: .percent(0), .hevc: .percent(0), .av1: .notSupported]),
        ]))
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nvml).detect()
        let gpu = try XCTUnwrap(report.devices.first)
        XCTAssertTrue(gpu.encodeUnavailable[.hevc]!.hasPrefix("NVENC not present on this GPU (NVML encoder capacity 0)"),
                      gpu.encodeUnavailable[.hevc]!)
        XCTAssertTrue(gpu.encodeUnavailable[.av1]!.contains("NVML: encoder not supported"), gpu.encodeUnavailable[.av1]!)
        XCTAssertEqual(gpu.decode[.av1], .nvdec)
        XCTAssertFalse(runner.calls.contains { $0.program == "nvidia-smi" }, "NVML answered")
    }

    /// What a real H200 (driver 580.159.04, Debian's ffmpeg 5.1) answered: NVML claims
    /// encoder capacity 100 for H.264 and HEVC although Hopper has no NVENC, and the AV1
    /// NVDEC trial fails. Only the trials tell the truth.
    func testH200WhereNVMLClaimsEncoderCapacity() async throws {
        let machine = try SimulatedMachine()
        machine.nvidiaGPU(slot: "0000:00:06.0", device: "0x2335", model: "NVIDIA H200", driver: "580.159.04")
        let runner = machine.runner { call in
            if call.encoder?.hasSuffix("_nvenc") == true { return Recorded.nvencUnsupported(call.encoder!) }
            if call.decoder == "av1", call.arguments.contains("cuda") {
                return ToolResult(status: 1, stderr: "[av1 @ 0x55f1] Hardware is lacking required capabilities\n"
                    + "[av1 @ 0x55f1] Failed setup for format cuda: hwaccel initialisation returned error.\n")
            }
            return Recorded.ok
        }
        let nvml = RecordedNVML(NVMLSnapshot(driverVersion: "580.159.04", gpus: [
            .init(index: 0, name: "NVIDIA H200", pciSlot: "0000:00:06.0", pciId: "10de:2335",
                  encoderCapacity: [.h264: .percent(100), .hevc: .percent(100), .av1: .notSupported]),
        ]))
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nvml).detect()
        let gpu = try XCTUnwrap(report.devices.first)
        XCTAssertEqual(gpu.model, "NVIDIA H200")
        XCTAssertEqual(gpu.encode, CodecPaths())
        XCTAssertEqual(gpu.encodeUnavailable[.h264],
                       "NVENC test encode failed: OpenEncodeSessionEx failed: unsupported device (2): (no details); No capable devices found")
        XCTAssertEqual(gpu.decode, CodecPaths(h264: .nvdec, hevc: .nvdec, av1: nil, vp9: .nvdec))
        XCTAssertEqual(gpu.decodeUnavailable[.av1], "NVDEC test decode failed: Hardware is lacking required capabilities; "
            + "Failed setup for format cuda: hwaccel initialisation returned error.")
        XCTAssertEqual(report.recommended[.h264]?.decode, "cuda")
        XCTAssertEqual(report.recommended[.h264]?.encode, "libx264")
        XCTAssertEqual(report.recommended[.av1]?.decode, "software")
        XCTAssertEqual(report.recommended[.av1]?.decoder, "libdav1d")
        XCTAssertTrue(report.renderLines().contains { $0.hasPrefix("GPU 0: NVIDIA H200  driver nvidia 580.159.04") })
    }

    /// A GeForce RTX 4090: NVDEC and NVENC (AV1 included), so everything stays on the GPU.
    func testRTXWithNVENC() async throws {
        let machine = try SimulatedMachine()
        machine.nvidiaGPU(slot: "0000:01:00.0", device: "0x2684", model: "NVIDIA GeForce RTX 4090", driver: "550.78")
        let runner = machine.runner { _ in Recorded.ok }
        let nvml = RecordedNVML(NVMLSnapshot(driverVersion: "550.78", gpus: [
            .init(index: 0, name: "NVIDIA GeForce RTX 4090", pciSlot: "0000:01:00.0", pciId: "10de:2684",
                  encoderCapacity: [.h264: .percent(100), .hevc: .percent(100), .av1: .percent(100)]),
        ]))
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nvml).detect()
        let gpu = try XCTUnwrap(report.devices.first)
        XCTAssertEqual(gpu.model, "NVIDIA GeForce RTX 4090")
        XCTAssertEqual(gpu.encode, CodecPaths(h264: .nvenc, hevc: .nvenc, av1: .nvenc, vp9: nil))
        XCTAssertEqual(gpu.decode, CodecPaths(h264: .nvdec, hevc: .nvdec, av1: .nvdec, vp9: .nvdec))
        XCTAssertEqual(report.recommended[.hevc], CodecRecommendation(
            decode: "cuda", decodePath: .nvdec, decoder: "hevc", decodeDevice: "0",
            encode: "hevc_nvenc", encodePath: .nvenc, encodeDevice: "0"))
        XCTAssertEqual(report.recommended[.vp9]?.encode, "libvpx-vp9")
        XCTAssertEqual(report.recommended[.vp9]?.decode, "cuda")
        XCTAssertFalse(report.notes.contains { $0.contains("software encoding") })
        let nvenc = runner.calls.first { $0.encoder == "av1_nvenc" }
        XCTAssertEqual(nvenc?.arguments.suffix(5), ["-gpu", "0", "-f", "null", "-"])
    }

    /// An Alder Lake iGPU: VAAPI and QSV. QSV is preferred for encoding; its VP9 encode
    /// fails, so VP9 falls back to VAAPI's low-power entrypoint; vainfo lists no AV1 encode.
    func testIntelVAAPIAndQSV() async throws {
        let machine = try SimulatedMachine()
        machine.renderNode("renderD128", vendor: "0x8086", device: "0x46a6", driver: "i915", slot: "0000:00:02.0")
        machine.pciDisplay(slot: "0000:00:02.0", vendor: "0x8086", device: "0x46a6", driver: "i915")
        machine.write("/usr/share/misc/pci.ids", "8086  Intel Corporation\n\t46a6  Alder Lake-P GT2 [Iris Xe Graphics]\n")
        let runner = machine.runner(tools: ["vainfo"]) { call in
            if call.program == "vainfo" { return ToolResult(status: 0, stdout: Recorded.vainfoIntel, stderr: Recorded.libvaChatter) }
            if call.encoder == "vp9_qsv" {
                return ToolResult(status: 1, stderr: "[vp9_qsv @ 0x5581] Error during set display handle\n: device failed (-17)\n")
            }
            return Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()
        XCTAssertEqual(report.devices.count, 1)
        let gpu = try XCTUnwrap(report.devices.first)
        XCTAssertEqual(gpu.vendor, "Intel")
        XCTAssertEqual(gpu.model, "Alder Lake-P GT2 [Iris Xe Graphics]")
        XCTAssertEqual(gpu.driver, "i915")
        XCTAssertEqual(gpu.renderNode, "/dev/dri/renderD128")
        XCTAssertEqual(gpu.driverVersion, "Intel iHD driver for Intel(R) Gen Graphics - 24.1.0 ()")
        XCTAssertEqual(gpu.decode, CodecPaths(h264: .vaapi, hevc: .vaapi, av1: .vaapi, vp9: .vaapi))
        XCTAssertEqual(gpu.encode, CodecPaths(h264: .qsv, hevc: .qsv, av1: nil, vp9: .vaapi))
        XCTAssertTrue(gpu.encodeUnavailable[.av1]!.contains("vainfo lists no av1 encode"), gpu.encodeUnavailable[.av1]!)
        XCTAssertFalse(runner.calls.contains { $0.encoder == "av1_qsv" || $0.encoder == "av1_vaapi" },
                       "no trial for what vainfo says is absent")
        let vp9 = try XCTUnwrap(report.recommended[.vp9])
        XCTAssertEqual(vp9.encode, "vp9_vaapi")
        XCTAssertEqual(vp9.encodeOptions, ["-low_power", "1"])
        XCTAssertEqual(vp9.encodeDevice, "/dev/dri/renderD128")
        XCTAssertEqual(report.recommended[.h264]?.encode, "h264_qsv")
        XCTAssertEqual(report.recommended[.h264]?.decode, "vaapi")
        XCTAssertEqual(report.recommended[.av1]?.encode, "libsvtav1")
        XCTAssertEqual(report.recommended[.av1]?.decodeDevice, "/dev/dri/renderD128")
        let vaapiDecode = runner.calls.first { $0.arguments.contains("-hwaccel") && $0.arguments.contains("vaapi") }
        XCTAssertEqual(vaapiDecode?.arguments.contains("/dev/dri/renderD128"), true)
    }

    /// An AMD Radeon RX 6600 through Mesa's VAAPI: decodes all four, encodes H.264/HEVC.
    func testAMDVAAPI() async throws {
        let machine = try SimulatedMachine()
        machine.renderNode("renderD128", vendor: "0x1002", device: "0x73ff", driver: "amdgpu", slot: "0000:0b:00.0")
        let runner = machine.runner(tools: ["vainfo"]) { call in
            call.program == "vainfo" ? ToolResult(status: 0, stdout: Recorded.vainfoAMD, stderr: Recorded.libvaChatter) : Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()
        let gpu = try XCTUnwrap(report.devices.first)
        XCTAssertEqual(gpu.vendor, "AMD")
        XCTAssertEqual(gpu.model, "AMD Radeon RX 6600")
        XCTAssertEqual(gpu.pciId, "1002:73ff")
        XCTAssertEqual(gpu.decode, CodecPaths(h264: .vaapi, hevc: .vaapi, av1: .vaapi, vp9: .vaapi))
        XCTAssertEqual(gpu.encode, CodecPaths(h264: .vaapi, hevc: .vaapi, av1: nil, vp9: nil))
        XCTAssertEqual(report.recommended[.hevc]?.encode, "hevc_vaapi")
        XCTAssertEqual(report.recommended[.av1]?.decode, "vaapi")
        XCTAssertEqual(report.recommended[.av1]?.decoder, "av1", "forced, or ffmpeg would pick libdav1d")
        XCTAssertEqual(report.recommended[.av1]?.encode, "libsvtav1")
        XCTAssertFalse(runner.calls.contains { $0.encoder?.hasSuffix("_qsv") == true }, "QSV is Intel only")
    }

    /// A Raspberry Pi 4: bcm2835-codec V4L2 M2M nodes; the ISP node and the v3d render
    /// node are no video engines. HEVC's M2M decoder fails the trial.
    func testARMV4L2M2M() async throws {
        let machine = try SimulatedMachine()
        machine.v4l2("video10", name: "bcm2835-codec-decode", driver: "bcm2835-codec")
        machine.v4l2("video11", name: "bcm2835-codec-encode", driver: "bcm2835-codec")
        machine.v4l2("video12", name: "bcm2835-codec-isp", driver: "bcm2835-codec")
        machine.v4l2("video0", name: "HD Pro Webcam C920", driver: "uvcvideo")
        machine.platformRenderNode("renderD128", driver: "v3d")
        let runner = machine.runner(encoders: Recorded.armEncoders, decoders: Recorded.armDecoders) { call in
            call.decoder == "hevc_v4l2m2m"
                ? ToolResult(status: 1, stderr: "[hevc_v4l2m2m @ 0x55a1] Could not find a valid device\n"
                    + "[hevc_v4l2m2m @ 0x55a1] can't configure decoder\n")
                : Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()
        XCTAssertEqual(report.devices.count, 1)
        let soc = try XCTUnwrap(report.devices.first)
        XCTAssertEqual(soc.vendor, "Broadcom")
        XCTAssertEqual(soc.driver, "bcm2835-codec")
        XCTAssertEqual(soc.videoNodes, ["/dev/video10", "/dev/video11"])
        XCTAssertEqual(soc.decode, CodecPaths(h264: .v4l2m2m))
        XCTAssertEqual(soc.encode, CodecPaths(h264: .v4l2m2m))
        XCTAssertTrue(soc.decodeUnavailable[.hevc]!.contains("Could not find a valid device"), soc.decodeUnavailable[.hevc]!)
        XCTAssertTrue(soc.decodeUnavailable[.vp9]!.contains("ffmpeg has no vp9_v4l2m2m decoder"))
        XCTAssertEqual(report.recommended[.h264]?.encode, "h264_v4l2m2m")
        XCTAssertEqual(report.recommended[.h264]?.decoder, "h264_v4l2m2m")
        XCTAssertEqual(report.recommended[.hevc]?.decode, "software")
        XCTAssertTrue(report.notes.contains { $0.contains("renderD128") && $0.contains("v3d") }, "\(report.notes)")
    }

    /// No GPU at all: the report says so and everything is software.
    func testNoGPU() async throws {
        let machine = try SimulatedMachine()
        machine.pciDisplay(slot: "0000:00:01.0", vendor: "0x1234", device: "0x1111", driver: "bochs-drm")
        let runner = machine.runner { _ in Recorded.ok }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: RecordedNVML(nil)).detect()
        XCTAssertTrue(report.devices.isEmpty)
        XCTAssertTrue(report.notes.contains("no GPU found; software encoding"), "\(report.notes)")
        XCTAssertEqual(report.software.encoders, ["libx264", "libx265", "libsvtav1", "libaom-av1", "libvpx-vp9"])
        XCTAssertEqual(report.software.decoders, ["h264", "hevc", "libdav1d", "vp9", "libvpx-vp9"])
        XCTAssertEqual(report.recommended[.h264], CodecRecommendation(
            decode: "software", decodePath: .software, decoder: "h264", encode: "libx264", encodePath: .software))
        XCTAssertFalse(runner.calls.contains { $0.encoder?.contains("_") == true }, "no hardware trial without hardware")
        XCTAssertFalse(report.renderLines().isEmpty)
    }

    /// A software encoder that fails its trial is not listed, and decode trials use the
    /// sample of the first encoder that worked.
    func testSoftwareEncoderMustPassItsTrial() async throws {
        let machine = try SimulatedMachine()
        let runner = machine.runner { call in
            call.encoder == "libsvtav1"
                ? ToolResult(status: 1, stderr: "Svt[info]: SVT [version]: v1.4.1\nSvt[error]: Instance 1: Failed to allocate\n"
                    + "[libsvtav1 @ 0x5600] Error initializing encoder\n")
                : Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()
        XCTAssertFalse(report.software.encoders.contains("libsvtav1"))
        XCTAssertEqual(report.recommended[.av1]?.encode, "libaom-av1")
        let failed = try XCTUnwrap(report.software.trials.first { $0.tool == "libsvtav1" })
        XCTAssertEqual(failed.error, "Error initializing encoder")
        let av1Decode = try XCTUnwrap(runner.calls.first { $0.decoder == "libdav1d" })
        XCTAssertTrue(av1Decode.arguments.contains { $0.hasSuffix("sample-libaom-av1.mkv") }, "\(av1Decode.arguments)")
    }

    /// A trial that hangs is stopped by the timeout and reported as such.
    func testHangingTrialTimesOut() async throws {
        let machine = try SimulatedMachine()
        machine.renderNode("renderD128", vendor: "0x1002", device: "0x73ff", driver: "amdgpu", slot: "0000:0b:00.0")
        let runner = machine.runner { call in
            call.encoder == "h264_vaapi" ? ToolResult(status: -1, timedOut: true) : Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()
        let gpu = try XCTUnwrap(report.devices.first)
        XCTAssertNil(gpu.encode[.h264])
        XCTAssertEqual(gpu.encodeUnavailable[.h264], "VAAPI test encode failed: timed out after 5 s")
        XCTAssertTrue(gpu.notes.contains { $0.contains("vainfo is not installed") })
    }

    // MARK: - Cache and fingerprint

    func testFingerprintFollowsHardwareAndFFmpegOnly() throws {
        let machine = try SimulatedMachine()
        machine.renderNode("renderD128", vendor: "0x8086", device: "0x46a6", driver: "i915", slot: "0000:00:02.0")
        machine.nvidiaGPU(slot: "0000:18:00.0", device: "0x2330", model: "NVIDIA H100 80GB HBM3", driver: "550.54.15")
        let detector = HardwareDetector(root: machine.root, runner: machine.runner { _ in Recorded.ok }, nvml: nil)
        let first = detector.fingerprint()
        XCTAssertEqual(detector.fingerprint(), first, "stable")

        machine.write("/var/log/syslog", "unrelated churn")
        machine.write("/sys/class/drm/renderD128/device/power_state", "D3hot")
        XCTAssertEqual(detector.fingerprint(), first, "unrelated files do not matter")

        machine.write("/usr/bin/ffmpeg", "#!/bin/sh\n# ffmpeg 7.1, a bigger binary\n")
        let newFFmpeg = detector.fingerprint()
        XCTAssertNotEqual(newFFmpeg, first, "a new ffmpeg")

        machine.write("/proc/driver/nvidia/version", "NVRM version: NVIDIA UNIX x86_64 Kernel Module  560.35.03  Fri Aug 16\n")
        let newDriver = detector.fingerprint()
        XCTAssertNotEqual(newDriver, newFFmpeg, "a new NVIDIA driver")

        machine.renderNode("renderD129", vendor: "0x1002", device: "0x73ff", driver: "amdgpu", slot: "0000:0b:00.0")
        XCTAssertNotEqual(detector.fingerprint(), newDriver, "a new GPU")
    }

    func testWarmCacheRunsNothing() async throws {
        let machine = try SimulatedMachine()
        machine.renderNode("renderD128", vendor: "0x1002", device: "0x73ff", driver: "amdgpu", slot: "0000:0b:00.0")
        let runner = machine.runner(tools: ["vainfo"]) { call in
            call.program == "vainfo" ? ToolResult(status: 0, stdout: Recorded.vainfoAMD) : Recorded.ok
        }
        let detector = HardwareDetector(root: machine.root, runner: runner, nvml: nil)
        let (cold, cache) = await detector.detect(cached: nil)
        XCTAssertFalse(cold.cached)
        XCTAssertGreaterThan(runner.calls.count, 10)

        // Through JSON, as the caller stores it.
        let stored = try HardwareCache(jsonData: cache.jsonData())
        XCTAssertEqual(try stored.jsonData(), try cache.jsonData())
        XCTAssertEqual(stored.report.devices, cache.report.devices)
        runner.reset()
        let (warm, again) = await detector.detect(cached: stored)
        XCTAssertEqual(runner.calls.count, 0, "a matching fingerprint runs no tool")
        XCTAssertTrue(warm.cached)
        XCTAssertEqual(warm.devices, cold.devices)
        XCTAssertEqual(warm.recommended, cold.recommended)
        XCTAssertEqual(again, stored)

        var stale = stored
        stale.fingerprint += "|changed"
        _ = await detector.detect(cached: stale)
        XCTAssertGreaterThan(runner.calls.count, 0, "a changed machine is probed again")
    }

    // MARK: - Report shape and text

    func testJSONIsSnakeCaseAndRoundTrips() async throws {
        let machine = try SimulatedMachine()
        machine.renderNode("renderD128", vendor: "0x1002", device: "0x73ff", driver: "amdgpu", slot: "0000:0b:00.0")
        let runner = machine.runner(tools: ["vainfo"]) { call in
            call.program == "vainfo" ? ToolResult(status: 0, stdout: Recorded.vainfoAMD) : Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: report.jsonData()) as? [String: Any])
        for key in ["devices", "software", "ffmpeg", "recommended", "detected_at", "cached", "duration_ms", "notes"] {
            XCTAssertNotNil(object[key], key)
        }
        let device = try XCTUnwrap((object["devices"] as? [[String: Any]])?.first)
        for key in ["vendor", "model", "driver", "driver_version", "pci_id", "render_node", "decode", "encode", "notes",
                    "encode_unavailable"] {
            XCTAssertNotNil(device[key], key)
        }
        let ffmpeg = try XCTUnwrap(object["ffmpeg"] as? [String: Any])
        XCTAssertEqual(ffmpeg["version"] as? String, "6.1.1-3ubuntu5")
        XCTAssertEqual(ffmpeg["hardware_encoders"] as? [String], Recorded.hardwareEncoders)
        XCTAssertNotNil((object["software"] as? [String: Any])?["encoders"])
        let av1 = try XCTUnwrap((object["recommended"] as? [String: Any])?["av1"] as? [String: Any])
        XCTAssertEqual(av1["decode"] as? String, "vaapi")
        XCTAssertEqual(av1["encode"] as? String, "libsvtav1")
        XCTAssertTrue((object["detected_at"] as? String)?.hasSuffix("Z") == true)

        let decoded = try JSONDecoder().decode(HardwareReport.self, from: report.jsonData())
        XCTAssertEqual(decoded.devices, report.devices)
        XCTAssertEqual(decoded.recommended, report.recommended)
        XCTAssertEqual(abs(decoded.detectedAt.timeIntervalSince(report.detectedAt)), 0, accuracy: 0.001)
    }

    func testRenderingStripsControlCharacters() async throws {
        let machine = try SimulatedMachine()
        machine.renderNode("renderD128", vendor: "0x1002", device: "0x73ff", driver: "amdgpu", slot: "0000:0b:00.0")
        let hostile = Recorded.vainfoAMD.replacingOccurrences(of: "AMD Radeon RX 6600", with: "AMD \u{1B}[2J\u{1B}]0;pwned\u{07}Radeon")
        let runner = machine.runner(tools: ["vainfo"]) { call in
            call.program == "vainfo" ? ToolResult(status: 0, stdout: hostile) : Recorded.ok
        }
        let report = await HardwareDetector(root: machine.root, runner: runner, nvml: nil).detect()
        let lines = report.renderLines()
        XCTAssertFalse(lines.contains { $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("GPU 0: AMD [2J]0;pwnedRadeon  driver amdgpu") }, "\(lines)")
        XCTAssertTrue(lines.contains { $0.contains("hevc") && $0.contains("VAAPI") })
        XCTAssertTrue(lines.contains { $0.contains("av1 encode unavailable: vainfo lists no av1 encode") }, "\(lines)")
    }

    // MARK: - Parsers

    func testParsers() {
        XCTAssertEqual(NVIDIAText.driverVersion(procVersion:
            "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  550.54.15  Release Build  (dvs-builder@U16)\nGCC version:  gcc 12"),
            "550.54.15")
        XCTAssertEqual(NVIDIAText.smiQuery("NVIDIA H100 80GB HBM3, 550.54.15, 00000000:18:00.0\n"),
                       [.init(name: "NVIDIA H100 80GB HBM3", driverVersion: "550.54.15", pciSlot: "0000:18:00.0")])
        let va = VAInfo(parsing: Recorded.vainfoIntel)
        XCTAssertEqual(va.decode, [.h264, .hevc, .vp9, .av1])
        XCTAssertEqual(va.encode, [.h264, .hevc, .vp9])
        XCTAssertEqual(va.lowPowerOnlyEncode, [.vp9])
        XCTAssertEqual(FFmpegCapabilities.version("ffmpeg version n7.1 Copyright (c) 2000-2024"), "n7.1")
        XCTAssertEqual(FFmpegCapabilities.hwaccels(Recorded.hwaccels), ["vdpau", "cuda", "vaapi", "qsv", "drm", "opencl", "vulkan"])
        XCTAssertTrue(FFmpegCapabilities.videoCodecs(Recorded.encoders).isSuperset(of: ["libx264", "hevc_nvenc", "vp9_qsv"]))
        XCTAssertFalse(FFmpegCapabilities.videoCodecs(Recorded.encoders).contains("aac"), "audio is not video")
        XCTAssertEqual(SystemTree.normalizeSlot("00000000:18:00.0"), "0000:18:00.0")
        XCTAssertTrue(SystemTree.looksLikeCodec(label: "rkvdec", driver: "rkvdec"))
        XCTAssertFalse(SystemTree.looksLikeCodec(label: "bcm2835-isp", driver: "bcm2835-isp"))
        XCTAssertEqual(TrialCommand.failureReason(Recorded.nvencUnsupported("hevc_nvenc"), timeout: .seconds(5)),
                       "OpenEncodeSessionEx failed: unsupported device (2): (no details); No capable devices found")
        XCTAssertEqual(HardwareText.clean("  NVIDIA\u{1B}[31m  H100\n"), "NVIDIA[31m H100")
    }

    // MARK: - This machine

    /// The real ffmpeg on this machine. On a box without a GPU (like CI) the report must be
    /// software only, with libx264 proven to work; on any box, warm detection is fast.
    func testRealFFmpegOnThisMachine() async throws {
        let runner = ProcessToolRunner()
        guard runner.locate("ffmpeg") != nil else { throw XCTSkip("ffmpeg is not installed") }
        let detector = HardwareDetector(runner: runner)
        let clock = ContinuousClock()
        let coldStart = clock.now
        let (cold, cache) = await detector.detect(cached: nil)
        let coldTime = clock.now - coldStart
        let warmStart = clock.now
        let (warm, _) = await detector.detect(cached: cache)
        let warmTime = clock.now - warmStart
        print("hardware detection on this machine: cold \(coldTime), warm \(warmTime)")
        print(cold.renderLines().joined(separator: "\n"))

        XCTAssertNotNil(cold.ffmpeg.version)
        XCTAssertTrue(cold.software.encoders.contains("libx264"), "\(cold.software)")
        XCTAssertTrue(cold.software.trials.contains { $0.tool == "libx264" && $0.ok })
        XCTAssertNotNil(cold.recommended[.h264]?.encode)
        XCTAssertTrue(warm.cached)

        let gpuLess = SystemTree().inventory().renderNodes.isEmpty && !SystemTree().inventory().hasNVIDIAEvidence
            && SystemTree().inventory().v4l2Codecs.isEmpty
            && !SystemTree().inventory().pciDisplays.contains { PCIVendor.name($0.vendorId) != nil }
        guard gpuLess else { return }
        XCTAssertTrue(cold.devices.isEmpty, "\(cold.devices)")
        XCTAssertTrue(cold.notes.contains("no GPU found; software encoding"), "\(cold.notes)")
        for codec in VideoCodec.allCases {
            XCTAssertEqual(cold.recommended[codec]?.encodePath.map { $0 == .software } ?? true, true)
        }
        XCTAssertEqual(cold.recommended[.h264]?.encode, "libx264")
        XCTAssertEqual(cold.recommended[.h264]?.decode, "software")
    }

    func testProcessToolRunnerTimesOutAndBoundsOutput() async throws {
        let runner = ProcessToolRunner(outputLimit: 1000)
        let sh = try XCTUnwrap(runner.locate("sh"))
        let slow = await runner.run(sh, ["-c", "sleep 30"], environment: [:], timeout: .milliseconds(300))
        XCTAssertTrue(slow.timedOut, "the 30 s sleep was stopped at its 300 ms limit")
        let chatty = await runner.run(sh, ["-c", "yes hello | head -c 100000; echo oops >&2; exit 3"],
                                      environment: ["SEEDTUI_X": "1"], timeout: .seconds(5))
        XCTAssertEqual(chatty.status, 3)
        XCTAssertEqual(chatty.stdout.utf8.count, 1000)
        XCTAssertEqual(chatty.stderr, "oops\n")
        let env = await runner.run(sh, ["-c", "printf %s \"$SEEDTUI_X\""], environment: ["SEEDTUI_X": "a b;c"], timeout: .seconds(5))
        XCTAssertEqual(env.stdout, "a b;c")
        let missing = await runner.run("/nonexistent/ffmpeg", [], environment: [:], timeout: .seconds(1))
        XCTAssertNotNil(missing.launchError)
        XCTAssertNil(runner.locate("definitely-not-a-program-seedtui"))
    }
}

// MARK: - Test support

/// A temp directory laid out like a machine's /sys, /dev and /proc, with a fake ffmpeg binary.
final class SimulatedMachine: @unchecked Sendable {
    let root: String

    init() throws {
        root = (NSTemporaryDirectory() as NSString).appendingPathComponent("seedtui-hw-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        write("/usr/bin/ffmpeg", "#!/bin/sh\n# recorded ffmpeg\n")
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func path(_ p: String) -> String { root + p }

    func write(_ p: String, _ text: String) {
        let full = path(p)
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try? text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func link(_ p: String, to target: String) {
        let full = path(p)
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try? FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    func renderNode(_ name: String, vendor: String, device: String, driver: String, slot: String) {
        write("/dev/dri/\(name)", "")
        let base = "/sys/class/drm/\(name)/device"
        write("\(base)/vendor", vendor + "\n")
        write("\(base)/device", device + "\n")
        link("\(base)/driver", to: "../../../../bus/pci/drivers/\(driver)")
        write("\(base)/uevent", "DRIVER=\(driver)\nPCI_CLASS=30000\nPCI_ID=\(vendor.dropFirst(2).uppercased()):\(device.dropFirst(2).uppercased())\nPCI_SLOT_NAME=\(slot)\n")
    }

    func platformRenderNode(_ name: String, driver: String) {
        write("/dev/dri/\(name)", "")
        let base = "/sys/class/drm/\(name)/device"
        link("\(base)/driver", to: "../../../../bus/platform/drivers/\(driver)")
        write("\(base)/uevent", "DRIVER=\(driver)\nOF_NAME=\(driver)\nOF_COMPATIBLE_0=brcm,2711-\(driver)\n")
    }

    func pciDisplay(slot: String, vendor: String, device: String, driver: String, cls: String = "0x030000") {
        let base = "/sys/bus/pci/devices/\(slot)"
        write("\(base)/class", cls + "\n")
        write("\(base)/vendor", vendor + "\n")
        write("\(base)/device", device + "\n")
        link("\(base)/driver", to: "../../../bus/pci/drivers/\(driver)")
    }

    func nvidiaGPU(slot: String, device: String, model: String, driver: String) {
        pciDisplay(slot: slot, vendor: "0x10de", device: device, driver: "nvidia", cls: "0x030200")
        write("/proc/driver/nvidia/version",
              "NVRM version: NVIDIA UNIX x86_64 Kernel Module  \(driver)  Tue Mar  5 22:23:56 UTC 2024\nGCC version:  gcc version 12.2.0\n")
        write("/proc/driver/nvidia/gpus/\(slot)/information", """
            Model: \t\t \(model)
            IRQ:   \t\t 156
            GPU UUID: \t GPU-6b5d7a5e-0f3c-2d6a-9c1e-3f0b1c2d3e4f
            Video BIOS: \t 96.00.74.00.01
            Bus Type: \t PCIe
            DMA Size: \t 52 bits
            Bus Location: \t \(slot)
            Device Minor: \t 0
            GPU Excluded:\t No

            """)
        write("/dev/nvidia0", "")
        write("/dev/nvidiactl", "")
    }

    func v4l2(_ name: String, name label: String, driver: String) {
        write("/dev/\(name)", "")
        write("/sys/class/video4linux/\(name)/name", label + "\n")
        link("/sys/class/video4linux/\(name)/device/driver", to: "../../../bus/platform/drivers/\(driver)")
    }

    /// A recording runner: ffmpeg and the given tools are "installed" in this tree, listing
    /// commands answer with recorded outputs, trials ask `trial`.
    func runner(tools: [String] = [], encoders: String = Recorded.encoders, decoders: String = Recorded.decoders,
                trial: @escaping @Sendable (FakeToolRunner.Call) -> ToolResult) -> FakeToolRunner {
        var programs = ["ffmpeg": path("/usr/bin/ffmpeg")]
        for tool in tools {
            write("/usr/bin/\(tool)", "#!/bin/sh\n")
            programs[tool] = path("/usr/bin/\(tool)")
        }
        return FakeToolRunner(programs: programs) { call in
            if call.program == "ffmpeg" {
                switch call.arguments.last {
                case "-version": return ToolResult(status: 0, stdout: Recorded.version)
                case "-hwaccels": return ToolResult(status: 0, stdout: Recorded.hwaccels)
                case "-encoders": return ToolResult(status: 0, stdout: encoders)
                case "-decoders": return ToolResult(status: 0, stdout: decoders)
                default: break
                }
                // ffmpeg's native AV1 decoder only fronts hardware; alone it fails, as on real machines.
                if call.decoder == "av1", !call.arguments.contains("-hwaccel") {
                    return ToolResult(status: 1, stderr: "[av1 @ 0x5581] Your platform doesn't suppport hardware accelerated AV1 decoding.\n"
                        + "[av1 @ 0x5581] Failed to get pixel format.\n")
                }
            }
            return trial(call)
        }
    }
}

/// Answers like the programs would have, and remembers every call.
final class FakeToolRunner: ToolRunner, @unchecked Sendable {
    struct Call: Sendable {
        var program: String
        var arguments: [String]
        var environment: [String: String]

        /// The codec after `-c:v` when it comes after the input (an encoder).
        var encoder: String? {
            guard let input = arguments.lastIndex(of: "-i") else { return nil }
            return arguments[input...].firstIndex(of: "-c:v").map { arguments[$0 + 1] }
        }

        /// The codec after `-c:v` before the input (a decoder).
        var decoder: String? {
            guard let input = arguments.lastIndex(of: "-i") else { return nil }
            return arguments[..<input].lastIndex(of: "-c:v").map { arguments[$0 + 1] }
        }
    }

    let programs: [String: String]
    let respond: @Sendable (Call) -> ToolResult
    private let lock = NSLock()
    private var recorded: [Call] = []

    init(programs: [String: String], respond: @escaping @Sendable (Call) -> ToolResult) {
        self.programs = programs
        self.respond = respond
    }

    var calls: [Call] { lock.withLock { recorded } }
    func reset() { lock.withLock { recorded = [] } }

    func locate(_ program: String) -> String? { programs[program] }

    func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Duration) async -> ToolResult {
        let name = programs.first { $0.value == executable }?.key ?? executable
        let call = Call(program: name, arguments: arguments, environment: environment)
        lock.withLock { recorded.append(call) }
        return respond(call)
    }
}

struct RecordedNVML: NVMLQuerying {
    let value: NVMLSnapshot?
    init(_ value: NVMLSnapshot?) { self.value = value }
    func snapshot() throws -> NVMLSnapshot {
        guard let value else { throw NVMLError("NVML not loaded: libnvidia-ml.so.1: cannot open shared object file") }
        return value
    }
}

/// Outputs recorded from real machines (trimmed to the lines that matter).
enum Recorded {
    static let ok = ToolResult(status: 0)

    static func nvencUnsupported(_ encoder: String) -> ToolResult {
        ToolResult(status: 1, stderr: """
            [\(encoder) @ 0x55d0c0a1b2c0] OpenEncodeSessionEx failed: unsupported device (2): (no details)
            [\(encoder) @ 0x55d0c0a1b2c0] No capable devices found
            Error initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height

            """)
    }

    static let version = """
        ffmpeg version 6.1.1-3ubuntu5 Copyright (c) 2000-2023 the FFmpeg developers
        built with gcc 13 (Ubuntu 13.2.0-23ubuntu3)
        configuration: --prefix=/usr --extra-version=3ubuntu5 --enable-gpl --enable-libx264 --enable-libx265 --enable-nvenc
        libavutil      58. 29.100 / 58. 29.100

        """

    static let hwaccels = "Hardware acceleration methods:\nvdpau\ncuda\nvaapi\nqsv\ndrm\nopencl\nvulkan\n\n"

    static let hardwareEncoders = ["av1_nvenc", "av1_qsv", "av1_vaapi", "h264_nvenc", "h264_qsv", "h264_v4l2m2m",
                                   "h264_vaapi", "hevc_nvenc", "hevc_qsv", "hevc_v4l2m2m", "hevc_vaapi", "vp9_qsv",
                                   "vp9_vaapi"]

    static let codecHeader = """
        Encoders:
         V..... = Video
         A..... = Audio
         S..... = Subtitle
         .F.... = Frame-level multithreading
         ..S... = Slice-level multithreading
         ...X.. = Codec is experimental
         ....B. = Supports draw_horiz_band
         .....D = Supports direct rendering method 1
         ------

        """

    static let encoders = codecHeader + """
         V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
         V....D h264_nvenc           NVIDIA NVENC H.264 encoder (codec h264)
         V..... h264_qsv             H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (Intel Quick Sync Video acceleration) (codec h264)
         V..... h264_v4l2m2m         V4L2 mem2mem H.264 encoder wrapper (codec h264)
         V....D h264_vaapi           H.264/AVC (VAAPI) (codec h264)
         V....D libx265              libx265 H.265 / HEVC (codec hevc)
         V....D hevc_nvenc           NVIDIA NVENC hevc encoder (codec hevc)
         V..... hevc_qsv             HEVC (Intel Quick Sync Video acceleration) (codec hevc)
         V..... hevc_v4l2m2m         V4L2 mem2mem HEVC encoder wrapper (codec hevc)
         V....D hevc_vaapi           H.265/HEVC (VAAPI) (codec hevc)
         V..... libsvtav1            SVT-AV1(Scalable Video Technology for AV1) encoder (codec av1)
         V....D libaom-av1           libaom AV1 (codec av1)
         V....D av1_nvenc            NVIDIA NVENC av1 encoder (codec av1)
         V..... av1_qsv              AV1 (Intel Quick Sync Video acceleration) (codec av1)
         V....D av1_vaapi            AV1 (VAAPI) (codec av1)
         V....D libvpx-vp9           libvpx VP9 (codec vp9)
         V....D vp9_vaapi            VP9 (VAAPI) (codec vp9)
         V..... vp9_qsv              VP9 video (Intel Quick Sync Video acceleration) (codec vp9)
         A....D aac                  AAC (Advanced Audio Coding)

        """

    static let decoders = codecHeader.replacingOccurrences(of: "Encoders:", with: "Decoders:") + """
         VFS..D h264                 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10
         V..... h264_v4l2m2m         V4L2 mem2mem H.264 decoder wrapper (codec h264)
         V....D h264_qsv             H264 video (Intel Quick Sync Video acceleration) (codec h264)
         V..... h264_cuvid           Nvidia CUVID H264 decoder (codec h264)
         VFS..D hevc                 HEVC (High Efficiency Video Coding)
         V....D hevc_qsv             HEVC video (Intel Quick Sync Video acceleration) (codec hevc)
         V..... hevc_v4l2m2m         V4L2 mem2mem HEVC decoder wrapper (codec hevc)
         V..... hevc_cuvid           Nvidia CUVID HEVC decoder (codec hevc)
         V..... libdav1d             dav1d AV1 decoder by VideoLAN (codec av1)
         V....D av1                  Alliance for Open Media AV1
         V..... av1_cuvid            Nvidia CUVID AV1 decoder (codec av1)
         V....D av1_qsv              AV1 video (Intel Quick Sync Video acceleration) (codec av1)
         VFS..D vp9                  Google VP9
         V..... vp9_v4l2m2m          V4L2 mem2mem VP9 decoder wrapper (codec vp9)
         V..... libvpx-vp9           libvpx VP9 (codec vp9)
         V..... vp9_cuvid            Nvidia CUVID VP9 decoder (codec vp9)
         V....D vp9_qsv              VP9 video (Intel Quick Sync Video acceleration) (codec vp9)
         A....D aac                  AAC (Advanced Audio Coding)

        """

    /// Raspberry Pi OS's ffmpeg: software codecs and the V4L2 M2M wrappers only.
    static let armEncoders = codecHeader + """
         V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10 (codec h264)
         V..... h264_v4l2m2m         V4L2 mem2mem H.264 encoder wrapper (codec h264)
         V....D libx265              libx265 H.265 / HEVC (codec hevc)
         V....D libvpx-vp9           libvpx VP9 (codec vp9)

        """

    static let armDecoders = codecHeader.replacingOccurrences(of: "Encoders:", with: "Decoders:") + """
         VFS..D h264                 H.264 / AVC / MPEG-4 AVC / MPEG-4 part 10
         V..... h264_v4l2m2m         V4L2 mem2mem H.264 decoder wrapper (codec h264)
         VFS..D hevc                 HEVC (High Efficiency Video Coding)
         V..... hevc_v4l2m2m         V4L2 mem2mem HEVC decoder wrapper (codec hevc)
         V..... libdav1d             dav1d AV1 decoder by VideoLAN (codec av1)
         VFS..D vp9                  Google VP9

        """

    static let libvaChatter = """
        libva info: VA-API version 1.20.0
        libva info: Trying to open /usr/lib/x86_64-linux-gnu/dri/iHD_drv_video.so
        libva info: va_openDriver() returns 0

        """

    static let vainfoIntel = """
        Trying display: drm
        vainfo: VA-API version: 1.20 (libva 2.12.0)
        vainfo: Driver version: Intel iHD driver for Intel(R) Gen Graphics - 24.1.0 ()
        vainfo: Supported profile and entrypoints
              VAProfileNone                   :\tVAEntrypointVideoProc
              VAProfileNone                   :\tVAEntrypointStats
              VAProfileMPEG2Simple            :\tVAEntrypointVLD
              VAProfileH264Main               :\tVAEntrypointVLD
              VAProfileH264Main               :\tVAEntrypointEncSlice
              VAProfileH264Main               :\tVAEntrypointFEI
              VAProfileH264Main               :\tVAEntrypointEncSliceLP
              VAProfileH264High               :\tVAEntrypointVLD
              VAProfileH264High               :\tVAEntrypointEncSlice
              VAProfileH264High               :\tVAEntrypointEncSliceLP
              VAProfileJPEGBaseline           :\tVAEntrypointVLD
              VAProfileHEVCMain               :\tVAEntrypointVLD
              VAProfileHEVCMain               :\tVAEntrypointEncSlice
              VAProfileHEVCMain               :\tVAEntrypointEncSliceLP
              VAProfileHEVCMain10             :\tVAEntrypointVLD
              VAProfileHEVCMain10             :\tVAEntrypointEncSlice
              VAProfileVP9Profile0            :\tVAEntrypointVLD
              VAProfileVP9Profile0            :\tVAEntrypointEncSliceLP
              VAProfileVP9Profile2            :\tVAEntrypointVLD
              VAProfileAV1Profile0            :\tVAEntrypointVLD

        """

    static let vainfoAMD = """
        Trying display: drm
        vainfo: VA-API version: 1.17 (libva 2.12.0)
        vainfo: Driver version: Mesa Gallium driver 23.1.9 for AMD Radeon RX 6600 (navi23, LLVM 15.0.6, DRM 3.49, 6.1.0-18-amd64)
        vainfo: Supported profile and entrypoints
              VAProfileMPEG2Simple            :\tVAEntrypointVLD
              VAProfileH264ConstrainedBaseline:\tVAEntrypointVLD
              VAProfileH264ConstrainedBaseline:\tVAEntrypointEncSlice
              VAProfileH264Main               :\tVAEntrypointVLD
              VAProfileH264Main               :\tVAEntrypointEncSlice
              VAProfileH264High               :\tVAEntrypointVLD
              VAProfileH264High               :\tVAEntrypointEncSlice
              VAProfileHEVCMain               :\tVAEntrypointVLD
              VAProfileHEVCMain               :\tVAEntrypointEncSlice
              VAProfileHEVCMain10             :\tVAEntrypointVLD
              VAProfileHEVCMain10             :\tVAEntrypointEncSlice
              VAProfileJPEGBaseline           :\tVAEntrypointVLD
              VAProfileVP9Profile0            :\tVAEntrypointVLD
              VAProfileVP9Profile2            :\tVAEntrypointVLD
              VAProfileAV1Profile0            :\tVAEntrypointVLD
              VAProfileNone                   :\tVAEntrypointVideoProc

        """
}
