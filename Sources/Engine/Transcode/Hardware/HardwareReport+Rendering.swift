extension HardwareReport {
    /// The report as plain text lines for `seedtui --headless gpu`: ffmpeg, each device
    /// with a codec table (path, or why not), software codecs, recommendations, notes.
    ///
    /// Every name that came from the system (GPU models, driver strings, ffmpeg's error
    /// lines) is stripped of control characters here again, so a cached report written by
    /// an older version cannot smuggle escape sequences onto the terminal either.
    public func renderLines() -> [String] {
        func t(_ text: String?) -> String { HardwareText.clean(text ?? "") }
        func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.map(t).joined(separator: ", ") }
        var lines: [String] = []

        if let path = ffmpeg.path {
            lines.append("ffmpeg \(t(ffmpeg.version ?? "(version unknown)"))  \(t(path))")
            lines.append("  hwaccels: \(list(ffmpeg.hwaccels))")
            lines.append("  hardware encoders: \(list(ffmpeg.hardwareEncoders))")
            lines.append("  hardware decoders: \(list(ffmpeg.hardwareDecoders))")
        } else {
            lines.append("ffmpeg: not found")
        }
        if let error = ffmpeg.error { lines.append("  error: \(t(error))") }

        if devices.isEmpty { lines.append("GPU: none") }
        for (index, device) in devices.enumerated() {
            // "NVIDIA H200" already names its vendor; "Alder Lake-P GT2" does not.
            let model = t(device.model)
            let vendor = t(device.vendor)
            var head = "GPU \(index): " + (model.lowercased().hasPrefix(vendor.lowercased()) ? model : "\(vendor) \(model)")
            if let driver = device.driver { head += "  driver \(t(driver))" }
            if let version = device.driverVersion { head += " \(t(version))" }
            if let slot = device.pciSlot { head += "  pci \(t(slot))" }
            if let id = device.pciId { head += " [\(t(id))]" }
            if let node = device.renderNode { head += "  \(t(node))" }
            if let cuda = device.cudaIndex { head += "  cuda \(cuda)" }
            if !device.videoNodes.isEmpty { head += "  \(list(device.videoNodes))" }
            lines.append(head)
            lines.append("  codec  decode      encode")
            for codec in VideoCodec.allCases {
                let decode = device.decode[codec]?.label ?? "-"
                let encode = device.encode[codec]?.label ?? "-"
                lines.append("  " + TerminalText.pad(codec.rawValue, to: 5) + "  " + TerminalText.pad(decode, to: 10)
                    + "  " + encode)
            }
            for codec in VideoCodec.allCases {
                if let why = device.decodeUnavailable[codec] { lines.append("  \(codec.rawValue) decode unavailable: \(t(why))") }
                if let why = device.encodeUnavailable[codec] { lines.append("  \(codec.rawValue) encode unavailable: \(t(why))") }
            }
            for note in device.notes { lines.append("  note: \(t(note))") }
        }

        lines.append("software encoders: \(list(software.encoders))")
        lines.append("software decoders: \(list(software.decoders))")

        lines.append("recommended:")
        if recommended.isEmpty { lines.append("  nothing: no codec can be decoded or encoded") }
        for codec in VideoCodec.allCases {
            guard let r = recommended[codec] else { continue }
            var decode = t(r.decode ?? "none")
            if let decoder = r.decoder { decode += " (\(t(decoder)))" }
            if let device = r.decodeDevice { decode += " on \(t(device))" }
            var encode = t(r.encode ?? "none")
            if let device = r.encodeDevice { encode += " on \(t(device))" }
            if !r.encodeOptions.isEmpty { encode += " \(list(r.encodeOptions))" }
            lines.append("  " + TerminalText.pad(codec.rawValue, to: 5) + "  decode " + TerminalText.pad(decode, to: 28)
                + "  encode " + encode)
        }
        for note in notes { lines.append("note: \(t(note))") }
        let when = HardwareReport.iso8601(detectedAt)
        lines.append(cached ? "detected \(when) (cached; this call \(durationMs) ms)" : "detected \(when) in \(durationMs) ms")
        return lines
    }
}
