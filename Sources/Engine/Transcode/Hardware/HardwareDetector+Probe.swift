import Foundation

extension HardwareDetector {
    /// A cold detection: observe, plan, run the encode trials (which also make the decode
    /// samples), run the decode trials, and assemble the report.
    func probe(inventory: HardwareInventory, ffmpeg: String?) async -> HardwareReport {
        // Whole milliseconds: what the ISO 8601 form in the cache keeps.
        let now = (Date().timeIntervalSince1970 * 1000).rounded(.down) / 1000
        var report = HardwareReport(detectedAt: Date(timeIntervalSince1970: now))
        let observations = await observe(inventory: inventory, ffmpeg: ffmpeg)
        let (drafts, ignored, nvidiaNotes) = devices(from: observations)
        let caps = observations.ffmpeg
        report.ffmpeg = FFmpegInfo(
            path: ffmpeg, version: caps?.version, hwaccels: (caps?.hwaccels ?? []).sorted(),
            hardwareEncoders: FFmpegCapabilities.hardwareNames(caps?.encoders ?? []),
            hardwareDecoders: FFmpegCapabilities.hardwareNames(caps?.decoders ?? []), error: observations.ffmpegError)
        report.notes += nvidiaNotes
        if !ignored.isEmpty {
            report.notes.append("display adapters without a video engine, ignored: " + ignored.joined(separator: ", "))
        }

        guard let ffmpeg, let caps else {
            report.devices = drafts.map { draft in
                var device = draft.device
                for codec in VideoCodec.allCases {
                    device.decodeUnavailable[codec] = "ffmpeg is not available"
                    device.encodeUnavailable[codec] = "ffmpeg is not available"
                }
                return device
            }
            report.notes.append("\(observations.ffmpegError ?? "ffmpeg not available"): nothing can be decoded or encoded")
            if drafts.isEmpty { report.notes.append("no GPU found") }
            return report
        }

        let scratch = (scratchDirectory as NSString).appendingPathComponent("seedtui-hw-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }

        var (planned, notes) = planTrials(drafts: drafts, ffmpeg: caps, sampleDirectory: scratch)
        let encodes = await run(planned.filter { $0.direction == .encode }, ffmpeg: ffmpeg, samples: [:])
        var samples: [VideoCodec: String] = [:]
        for outcome in encodes where outcome.trial.ok && samples[outcome.plan.codec] == nil {
            if let output = outcome.plan.sampleOutput { samples[outcome.plan.codec] = output }
        }
        planned = planned.filter { $0.direction == .decode }
        for plan in planned where samples[plan.codec] == nil {
            let text = "no \(plan.codec.rawValue) sample to decode: no software \(plan.codec.rawValue) encoder works"
            if plan.owner != nil {
                notes.append(PathNote(owner: plan.owner, direction: .decode, codec: plan.codec, path: plan.path, text: text))
            }
        }
        let untestable = Set(planned.filter { samples[$0.codec] == nil }.map(\.codec))
        for codec in VideoCodec.allCases where untestable.contains(codec) {
            report.notes.append("\(codec.rawValue) decoding could not be tested: no software \(codec.rawValue) encoder made a sample")
        }
        let decodes = await run(planned.filter { samples[$0.codec] != nil }, ffmpeg: ffmpeg, samples: samples)
        assemble(into: &report, drafts: drafts, outcomes: encodes + decodes, notes: notes)
        return report
    }
}
