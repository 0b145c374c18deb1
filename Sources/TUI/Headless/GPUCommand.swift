import ArgumentParser
import Engine
import Foundation

/// `gpu [--json] [--refresh]`: the hardware report the transcoder uses.
struct GPU: HeadlessCommand {
    static let configuration = CommandConfiguration(
        commandName: "gpu",
        abstract: "What this box can decode and encode, per GPU and codec, confirmed by test runs.",
        discussion: """
            Devices come from NVML, /proc/driver/nvidia, nvidia-smi, /dev/dri render nodes and their PCI ids, \
            vainfo and V4L2 memory-to-memory nodes; every candidate path is confirmed by a short test encode or \
            decode with ffmpeg. The result is cached until the hardware, the driver or ffmpeg changes.
            """)
    @OptionGroup var global: GlobalOptions
    @Flag(name: .long, help: "Detect again even when nothing changed.") var refresh = false

    func execute() throws {
        let raw = try call(Methods.HardwareReportRequest(refresh: refresh))
        if global.json { Console.writeJSON(raw.bytes); return }
        let report = try JSONDecoder().decode(HardwareReport.self, from: Data(raw.bytes))
        report.renderLines().forEach { Console.out($0) }
    }
}
