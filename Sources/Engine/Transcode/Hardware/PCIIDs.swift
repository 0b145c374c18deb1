import Foundation

/// Names for PCI vendor and device ids from the system's `pci.ids` (package hwdata or
/// pciutils), so an Intel or AMD GPU shows as "Alder Lake-P GT2 [Iris Xe Graphics]"
/// rather than `8086:46a6`. Absent database, absent names: the ids stay.
enum PCIIDs {
    static let locations = ["/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids", "/usr/share/pci.ids"]

    /// Device name (or nil) for `vendor:device`, looked up in the tree's pci.ids.
    static func deviceName(vendor: UInt16, device: UInt16, in tree: SystemTree) -> String? {
        guard let text = locations.lazy.compactMap({ tree.read($0, limit: 8 << 20) }).first else { return nil }
        let vendorKey = PCIVendor.hex(vendor)
        let deviceKey = "\t" + PCIVendor.hex(device)
        var inVendor = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if !line.hasPrefix("\t") {
                if inVendor { return nil }
                inVendor = line.hasPrefix(vendorKey + " ")
                continue
            }
            if inVendor, line.hasPrefix(deviceKey + " ") {
                return HardwareText.clean(String(line.dropFirst(deviceKey.count)))
            }
        }
        return nil
    }
}
