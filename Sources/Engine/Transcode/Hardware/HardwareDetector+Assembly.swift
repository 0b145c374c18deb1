extension HardwareDetector {
    /// Fills devices, software and recommendations from the trial outcomes.
    func assemble(into report: inout HardwareReport, drafts: [DeviceDraft], outcomes: [TrialOutcome], notes: [PathNote]) {
        report.devices = drafts.enumerated().map { index, draft in
            device(draft, outcomes: outcomes.filter { $0.plan.owner == index }, notes: notes.filter { $0.owner == index })
        }

        let software = outcomes.filter { $0.plan.owner == nil }
        report.software = SoftwareCodecs(
            encoders: VideoCodec.allCases.flatMap { codec in
                codec.softwareEncoders.map(\.name).filter { name in
                    software.contains { $0.trial.ok && $0.plan.direction == .encode && $0.plan.tool == name }
                }
            },
            decoders: VideoCodec.allCases.flatMap { codec in
                codec.softwareDecoders.filter { name in
                    software.contains { $0.trial.ok && $0.plan.direction == .decode && $0.plan.codec == codec && $0.plan.tool == name }
                }
            },
            trials: software.map(\.trial).sorted(by: Self.trialOrder))

        for codec in VideoCodec.allCases {
            if let recommendation = recommend(codec, report: report, drafts: drafts, outcomes: outcomes) {
                report.recommended[codec] = recommendation
            }
        }

        let hardwareEncodes = report.devices.contains { !$0.encode.isEmpty }
        let hardwareDecodes = report.devices.contains { !$0.decode.isEmpty }
        if report.devices.isEmpty {
            report.notes.append("no GPU found; software encoding")
        } else if !hardwareEncodes {
            report.notes.append(hardwareDecodes
                ? "no working hardware encoder: decoding on the GPU, encoding in software"
                : "no working hardware decoder or encoder; software encoding")
        }
        if report.software.encoders.isEmpty {
            report.notes.append("no software encoder works")
        }
    }

    private func device(_ draft: DeviceDraft, outcomes: [TrialOutcome], notes: [PathNote]) -> HardwareDevice {
        var device = draft.device
        let multiplePaths = draft.paths(.decode).count > 1 || draft.paths(.encode).count > 1
        for codec in VideoCodec.allCases {
            for direction in [TrialDirection.decode, .encode] {
                let mine = outcomes.filter { $0.plan.codec == codec && $0.plan.direction == direction }
                let working = draft.paths(direction).first { path in mine.contains { $0.plan.path == path && $0.trial.ok } }
                if let working {
                    if direction == .decode { device.decode[codec] = working } else { device.encode[codec] = working }
                    if let options = mine.first(where: { $0.plan.path == working && $0.trial.ok })?.plan.encodeOptions,
                       !options.isEmpty {
                        device.notes.append("\(codec.rawValue) \(working.label) encode needs \(options.joined(separator: " "))")
                    }
                    continue
                }
                var reasons: [String] = []
                for path in draft.paths(direction) {
                    let prefix = multiplePaths ? "\(path.label): " : ""
                    for note in notes where note.codec == codec && note.direction == direction && note.path == path {
                        reasons.append(prefix + note.text)
                    }
                    for outcome in mine where outcome.plan.path == path && !outcome.trial.ok {
                        let error = outcome.trial.error ?? "failed"
                        let verb = direction == .decode ? "decode" : "encode"
                        if let context = outcome.plan.context {
                            reasons.append(prefix + "\(context); test \(verb): \(error)")
                        } else {
                            reasons.append("\(path.label) test \(verb) failed: \(error)")
                        }
                    }
                }
                let reason = reasons.isEmpty ? "no path tried" : reasons.joined(separator: "; ")
                if direction == .decode { device.decodeUnavailable[codec] = reason } else { device.encodeUnavailable[codec] = reason }
            }
        }
        device.trials = outcomes.map(\.trial).sorted(by: Self.trialOrder)
        if !device.decode.isEmpty && device.encode.isEmpty {
            device.notes.append("decodes on this GPU, but no encoder here works: encoding falls to the CPU")
        }
        return device
    }

    private func recommend(_ codec: VideoCodec, report: HardwareReport, drafts: [DeviceDraft],
                           outcomes: [TrialOutcome]) -> CodecRecommendation? {
        var r = CodecRecommendation()
        let encoderIndex = report.devices.firstIndex { $0.encode[codec] != nil }
        if let index = encoderIndex, let path = report.devices[index].encode[codec] {
            let device = report.devices[index]
            r.encodePath = path
            r.encode = codec.hardwareCodecName(Self.ffmpegSuffix(path))
            r.encodeDevice = device.ffmpegDevice(for: path)
            r.encodeOptions = outcomes.first { $0.plan.owner == index && $0.plan.codec == codec
                && $0.plan.direction == .encode && $0.plan.path == path && $0.trial.ok }?.plan.encodeOptions ?? []
        } else if let name = codec.softwareEncoders.map(\.name).first(where: report.software.encoders.contains) {
            r.encodePath = .software
            r.encode = name
        }

        // Decode where the encode happens when that device can, so frames stay on it.
        let decoderIndex = encoderIndex.flatMap { report.devices[$0].decode[codec] != nil ? $0 : nil }
            ?? report.devices.firstIndex { $0.decode[codec] != nil }
        if let index = decoderIndex, let path = report.devices[index].decode[codec] {
            r.decodePath = path
            r.decode = path.ffmpegDecodeName
            r.decoder = switch path {
            case .nvdec, .vaapi: codec.nativeDecoder
            case .qsv, .v4l2m2m: codec.hardwareCodecName(path.rawValue)
            default: nil
            }
            r.decodeDevice = report.devices[index].ffmpegDevice(for: path)
        } else if let name = codec.softwareDecoders.first(where: { name in
            report.software.trials.contains { $0.ok && $0.direction == .decode && $0.codec == codec && $0.tool == name }
        }) {
            r.decodePath = .software
            r.decode = HardwarePath.software.ffmpegDecodeName
            r.decoder = name
        }
        return r.decode == nil && r.encode == nil ? nil : r
    }

    static func ffmpegSuffix(_ path: HardwarePath) -> String {
        switch path {
        case .nvenc, .nvdec: "nvenc"
        case .vaapi: "vaapi"
        case .qsv: "qsv"
        case .v4l2m2m: "v4l2m2m"
        case .software: ""
        }
    }

    static func trialOrder(_ a: HardwareTrial, _ b: HardwareTrial) -> Bool {
        if a.codec != b.codec { return a.codec < b.codec }
        if a.direction != b.direction { return a.direction == .decode }
        if a.path != b.path { return a.path.rawValue < b.path.rawValue }
        return a.tool < b.tool
    }
}
