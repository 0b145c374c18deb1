import Foundation

/// Parsers for what the NVIDIA driver writes in /proc and what nvidia-smi prints.
///
/// These are the fallbacks when NVML cannot be loaded (a container without the library
/// mounted, a broken install): the driver version and models still come through.
enum NVIDIAText {
    /// `NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15  Tue Mar 5 ...`, also the
    /// "Open Kernel Module for x86_64" wording: the first version-shaped word after "Module".
    static func driverVersion(procVersion text: String) -> String? {
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { $0.contains("NVRM") }) ?? text
            .split(whereSeparator: \.isNewline).first else { return nil }
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let start = (words.firstIndex(of: "Module") ?? -1) + 1
        return words[start...].first(where: isVersion)
    }

    static func isVersion(_ word: String) -> Bool {
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
    }

    /// `/proc/driver/nvidia/gpus/*/information`: `Model:   NVIDIA H100 80GB HBM3` lines.
    static func information(_ text: String) -> [String: String] {
        var out: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !key.isEmpty, out[key] == nil { out[key] = value }
        }
        return out
    }

    /// One GPU from `nvidia-smi --query-gpu=name,driver_version,pci.bus_id --format=csv,noheader`.
    struct SMIGPU: Sendable, Equatable {
        var name: String
        var driverVersion: String
        var pciSlot: String
    }

    static func smiQuery(_ text: String) -> [SMIGPU] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 3, !fields[0].isEmpty else { return nil }
            return SMIGPU(name: fields[0], driverVersion: fields[1], pciSlot: SystemTree.normalizeSlot(fields[2]))
        }
    }
}
