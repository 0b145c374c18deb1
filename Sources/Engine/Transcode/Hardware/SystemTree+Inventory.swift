import Foundation

extension SystemTree {
    /// Scans render nodes, PCI display controllers, the NVIDIA driver's /proc entries and
    /// V4L2 codec nodes. Only file reads: fast enough to run on every warm call.
    func inventory() -> HardwareInventory {
        var inventory = HardwareInventory()

        let renderNames = Set(list("/dev/dri").filter { $0.hasPrefix("renderD") })
            .union(list("/sys/class/drm").filter { $0.hasPrefix("renderD") })
        for name in renderNames.sorted(by: Self.naturalOrder) {
            let base = "/sys/class/drm/\(name)/device"
            let uevent = uevent("\(base)/uevent")
            var node = HardwareInventory.RenderNode(
                name: name, path: "/dev/dri/\(name)",
                vendorId: PCIVendor.parse(read("\(base)/vendor")), deviceId: PCIVendor.parse(read("\(base)/device")),
                driver: linkName("\(base)/driver") ?? uevent["DRIVER"],
                pciSlot: uevent["PCI_SLOT_NAME"].map(Self.normalizeSlot),
                platformName: uevent["OF_NAME"] ?? uevent["OF_COMPATIBLE_0"])
            if node.vendorId == nil, let pciID = uevent["PCI_ID"] {
                let parts = pciID.split(separator: ":").map(String.init)
                if parts.count == 2 {
                    node.vendorId = PCIVendor.parse(parts[0])
                    node.deviceId = PCIVendor.parse(parts[1])
                }
            }
            inventory.renderNodes.append(node)
        }

        for slot in list("/sys/bus/pci/devices") {
            let base = "/sys/bus/pci/devices/\(slot)"
            guard let cls = read("\(base)/class")?.lowercased(), cls.hasPrefix("0x03"),
                  let vendor = PCIVendor.parse(read("\(base)/vendor")),
                  let device = PCIVendor.parse(read("\(base)/device")) else { continue }
            inventory.pciDisplays.append(.init(slot: Self.normalizeSlot(slot), vendorId: vendor, deviceId: device,
                                               driver: linkName("\(base)/driver")))
        }

        inventory.nvidiaDriverVersion = read("/proc/driver/nvidia/version").flatMap(NVIDIAText.driverVersion(procVersion:))
        for slot in list("/proc/driver/nvidia/gpus") {
            let info = read("/proc/driver/nvidia/gpus/\(slot)/information").map(NVIDIAText.information) ?? [:]
            inventory.nvidiaGPUs.append(.init(slot: Self.normalizeSlot(info["Bus Location"] ?? slot), model: info["Model"]))
        }
        inventory.nvidiaDeviceFiles = list("/dev").filter { name in
            name.hasPrefix("nvidia") && name.count > 6 && name.dropFirst(6).allSatisfy(\.isNumber)
        }.map { "/dev/\($0)" }

        for name in list("/sys/class/video4linux") where name.hasPrefix("video") {
            let base = "/sys/class/video4linux/\(name)"
            let label = read("\(base)/name") ?? ""
            let driver = linkName("\(base)/device/driver")
            guard Self.looksLikeCodec(label: label, driver: driver) else { continue }
            inventory.v4l2Codecs.append(.init(name: name, path: "/dev/\(name)", label: label, driver: driver))
        }
        return inventory
    }

    /// `00000000:18:00.0` (NVML, nvidia-smi) and `0000:18:00.0` (sysfs) name the same slot.
    static func normalizeSlot(_ slot: String) -> String {
        var parts = slot.lowercased().trimmingCharacters(in: .whitespaces).split(separator: ":").map(String.init)
        if parts.count == 3, parts[0].count > 4 { parts[0] = String(parts[0].suffix(4)) }
        if parts.count == 2 { parts.insert("0000", at: 0) }
        return parts.joined(separator: ":")
    }

    /// Codec blocks of ARM SoCs (Raspberry Pi, Rockchip, Amlogic, Allwinner, i.MX,
    /// Qualcomm, MediaTek), by the names their drivers give the video node. Cameras,
    /// ISPs and JPEG-only blocks are left out.
    static func looksLikeCodec(label: String, driver: String?) -> Bool {
        let text = (label + " " + (driver ?? "")).lowercased()
        for skip in ["isp", "image_fx", "jpeg", "deinterlace", "camera", "webcam", "uvc"] where text.contains(skip) {
            return false
        }
        let markers = ["codec", "m2m", "vpu", "vdec", "venc", "-dec", "-enc", "decoder", "encoder", "hantro",
                       "rkvdec", "rkvenc", "meson", "cedrus", "coda", "mtk-vcodec", "venus", "s5p-mfc", "amphion",
                       "wave5", "allegro", "h264", "hevc"]
        return markers.contains { text.contains($0) }
    }
}
