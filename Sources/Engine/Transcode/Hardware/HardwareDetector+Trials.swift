import Foundation

extension HardwareDetector {
    /// Every trial worth running, and a note for every path not worth it.
    func planTrials(drafts: [DeviceDraft], ffmpeg caps: FFmpegCapabilities, sampleDirectory: String)
        -> (trials: [PlannedTrial], notes: [PathNote]) {
        var trials: [PlannedTrial] = []
        var notes: [PathNote] = []
        for codec in VideoCodec.allCases {
            for (name, speed) in codec.softwareEncoders where caps.encoders.contains(name) {
                let output = (sampleDirectory as NSString).appendingPathComponent("sample-\(name).mkv")
                trials.append(PlannedTrial(owner: nil, codec: codec, direction: .encode, path: .software, tool: name,
                                           sampleOutput: output) { _ in
                    TrialCommand.softwareEncode(encoder: name, speed: speed, output: output)
                })
            }
            for name in codec.softwareDecoders where caps.decoders.contains(name) {
                trials.append(PlannedTrial(owner: nil, codec: codec, direction: .decode, path: .software, tool: name) { sample in
                    TrialCommand.softwareDecode(decoder: name, sample: sample)
                })
            }
        }
        for (index, draft) in drafts.enumerated() {
            for codec in VideoCodec.allCases {
                for direction in [TrialDirection.decode, .encode] {
                    for path in draft.paths(direction) {
                        switch plan(draft, codec, direction, path, caps) {
                        case .run(var trial):
                            trial.owner = index
                            trials.append(trial)
                        case .skip(let text):
                            notes.append(PathNote(owner: index, direction: direction, codec: codec, path: path, text: text))
                        }
                    }
                }
            }
        }
        return (trials, notes)
    }

    enum PlanDecision {
        case run(PlannedTrial)
        case skip(String)
    }

    private func plan(_ draft: DeviceDraft, _ codec: VideoCodec, _ direction: TrialDirection, _ path: HardwarePath,
                      _ caps: FFmpegCapabilities) -> PlanDecision {
        let device = draft.device
        func trial(_ tool: String, environment: [String: String] = [:], context: String? = nil, options: [String] = [],
                   _ arguments: @escaping @Sendable (String) -> [String]) -> PlanDecision {
            .run(PlannedTrial(owner: nil, codec: codec, direction: direction, path: path, tool: tool,
                              environment: environment, context: context, encodeOptions: options, arguments: arguments))
        }
        let native = codec.nativeDecoder
        switch path {
        case .nvdec:
            guard let gpu = device.cudaIndex else { return .skip("the NVIDIA driver does not see this GPU") }
            guard caps.hwaccels.contains("cuda") else { return .skip("ffmpeg was built without the cuda hwaccel") }
            guard caps.decoders.contains(native) else { return .skip("ffmpeg has no native \(native) decoder to attach NVDEC to") }
            return trial("cuda", environment: TrialCommand.cudaEnvironment) { sample in
                TrialCommand.nvdecDecode(codec, gpu: gpu, sample: sample)
            }
        case .nvenc:
            guard let gpu = device.cudaIndex else { return .skip("the NVIDIA driver does not see this GPU") }
            guard codec != .vp9 else { return .skip("NVENC has no VP9 encoder") }
            let encoder = codec.hardwareCodecName("nvenc")
            let context = draft.nvml?.encoderCapacity[codec].flatMap(Self.nvencAbsence)
            guard caps.encoders.contains(encoder) else {
                return .skip("ffmpeg has no \(encoder) encoder" + (context.map { "; \($0)" } ?? ""))
            }
            return trial(encoder, environment: TrialCommand.cudaEnvironment, context: context) { _ in
                TrialCommand.nvencEncode(codec, gpu: gpu)
            }
        case .vaapi, .qsv:
            guard let node = device.renderNode else { return .skip("no render node") }
            guard tree.exists(node) else { return .skip("\(node) is not present") }
            if let va = draft.vainfo {
                let listed = direction == .decode ? va.decode : va.encode
                if !listed.contains(codec) {
                    return .skip("vainfo lists no \(codec.rawValue) \(direction == .decode ? "decode (VAEntrypointVLD)" : "encode (VAEntrypointEncSlice)") entrypoint")
                }
            }
            if path == .vaapi {
                if direction == .decode {
                    guard caps.hwaccels.contains("vaapi") else { return .skip("ffmpeg was built without the vaapi hwaccel") }
                    guard caps.decoders.contains(native) else { return .skip("ffmpeg has no native \(native) decoder") }
                    return trial("vaapi") { sample in TrialCommand.vaapiDecode(codec, node: node, sample: sample) }
                }
                let encoder = codec.hardwareCodecName("vaapi")
                guard caps.encoders.contains(encoder) else { return .skip("ffmpeg has no \(encoder) encoder") }
                let lowPower = draft.vainfo?.lowPowerOnlyEncode.contains(codec) ?? false
                return trial(encoder, options: lowPower ? ["-low_power", "1"] : []) { _ in
                    TrialCommand.vaapiEncode(codec, node: node, lowPower: lowPower)
                }
            }
            let name = codec.hardwareCodecName("qsv")
            if direction == .decode {
                guard caps.decoders.contains(name) else { return .skip("ffmpeg has no \(name) decoder") }
                return trial(name) { sample in TrialCommand.qsvDecode(codec, node: node, sample: sample) }
            }
            guard caps.encoders.contains(name) else { return .skip("ffmpeg has no \(name) encoder") }
            return trial(name) { _ in TrialCommand.qsvEncode(codec, node: node) }
        case .v4l2m2m:
            let name = codec.hardwareCodecName("v4l2m2m")
            if direction == .decode {
                guard caps.decoders.contains(name) else { return .skip("ffmpeg has no \(name) decoder") }
                return trial(name) { sample in TrialCommand.v4l2Decode(codec, sample: sample) }
            }
            guard caps.encoders.contains(name) else { return .skip("ffmpeg has no \(name) encoder") }
            return trial(name) { _ in TrialCommand.v4l2Encode(codec) }
        case .software:
            return .skip("not a device path")
        }
    }

    /// What NVML's encoder capacity says about NVENC, when it says it is absent.
    static func nvencAbsence(_ capacity: NVMLSnapshot.EncoderCapacity) -> String? {
        switch capacity {
        case .notSupported: "NVENC not present on this GPU (NVML: encoder not supported)"
        case .percent(0): "NVENC not present on this GPU (NVML encoder capacity 0)"
        case .percent, .unknown: nil
        }
    }

    /// Runs trials, at most `parallelTrials` at a time, each under `trialTimeout`.
    func run(_ trials: [PlannedTrial], ffmpeg: String, samples: [VideoCodec: String]) async -> [TrialOutcome] {
        let runner = self.runner
        let timeout = trialTimeout
        return await withTaskGroup(of: (Int, TrialOutcome).self) { group in
            var next = 0
            func start() {
                guard next < trials.count else { return }
                let index = next
                let plan = trials[index]
                next += 1
                let sample = samples[plan.codec] ?? ""
                group.addTask {
                    let clock = ContinuousClock()
                    let began = clock.now
                    let result = await runner.run(ffmpeg, plan.arguments(sample), environment: plan.environment, timeout: timeout)
                    let trial = HardwareTrial(
                        codec: plan.codec, direction: plan.direction, path: plan.path, tool: plan.tool,
                        ok: result.succeeded,
                        error: result.succeeded ? nil : TrialCommand.failureReason(result, timeout: timeout),
                        durationMs: Self.milliseconds(clock.now - began))
                    return (index, TrialOutcome(plan: plan, trial: trial))
                }
            }
            for _ in 0..<parallelTrials { start() }
            var outcomes: [(Int, TrialOutcome)] = []
            for await outcome in group {
                outcomes.append(outcome)
                start()
            }
            return outcomes.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
