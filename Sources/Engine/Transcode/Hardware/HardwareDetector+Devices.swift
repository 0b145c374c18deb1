import Foundation

extension HardwareDetector {
    /// Turns the observations into devices: NVIDIA GPUs merged by PCI slot from NVML,
    /// /proc, nvidia-smi and sysfs; render-node GPUs (Intel, AMD, anything vainfo can
    /// drive); one V4L2 M2M entry for an ARM board's codec nodes. Display adapters with no
    /// video engine (server BMCs, virtual VGA) are named in `ignored` instead.
    func devices(from observations: HardwareObservations) -> (drafts: [DeviceDraft], ignored: [String], notes: [String]) {
        var notes: [String] = []
        var drafts = nvidiaDevices(observations, notes: &notes)
        var ignored: [String] = []
        let drm = drmDevices(observations, ignored: &ignored)
        drafts += drm
        if let v4l2 = v4l2Device(observations.inventory) { drafts.append(v4l2) }
        return (drafts, ignored, notes)
    }

    private func nvidiaDevices(_ o: HardwareObservations, notes: inout [String]) -> [DeviceDraft] {
        let inventory = o.inventory
        guard inventory.hasNVIDIAEvidence else { return [] }
        var slots = Set<String>()
        for gpu in o.nvml?.gpus ?? [] { slots.insert(gpu.pciSlot ?? "nvml:\(gpu.index)") }
        for gpu in inventory.nvidiaGPUs { slots.insert(gpu.slot) }
        for gpu in o.smi { slots.insert(gpu.pciSlot) }
        for display in inventory.pciDisplays where display.vendorId == PCIVendor.nvidia { slots.insert(display.slot) }
        for node in inventory.renderNodes where node.vendorId == PCIVendor.nvidia {
            if let slot = node.pciSlot { slots.insert(slot) }
        }
        let driverVersion = HardwareText.cleaned(o.nvml?.driverVersion ?? inventory.nvidiaDriverVersion
            ?? o.smi.first?.driverVersion ?? tree.read("/sys/module/nvidia/version"))
        let known = slots.sorted().filter { slot in
            o.nvml?.gpus.contains { ($0.pciSlot ?? "nvml:\($0.index)") == slot } == true
                || inventory.nvidiaGPUs.contains { $0.slot == slot } || o.smi.contains { $0.pciSlot == slot }
        }
        if slots.isEmpty {
            notes.append("NVIDIA device files are present but no GPU could be identified ("
                + [o.nvmlError, o.smiError].compactMap { $0 }.joined(separator: "; ") + ")")
            return []
        }
        return slots.sorted().map { slot in
            let nvml = o.nvml?.gpus.first { ($0.pciSlot ?? "nvml:\($0.index)") == slot }
            let proc = inventory.nvidiaGPUs.first { $0.slot == slot }
            let smi = o.smi.first { $0.pciSlot == slot }
            let pci = inventory.pciDisplays.first { $0.slot == slot }
            let node = inventory.renderNodes.first { $0.pciSlot == slot }
            let isPCISlot = !slot.hasPrefix("nvml:")
            var device = HardwareDevice(vendor: "NVIDIA", model: "NVIDIA GPU")
            device.model = HardwareText.cleaned(nvml?.name ?? proc?.model ?? smi?.name)
                ?? pci.flatMap { PCIIDs.deviceName(vendor: $0.vendorId, device: $0.deviceId, in: tree) }
                ?? "NVIDIA GPU"
            device.pciSlot = isPCISlot ? slot : nil
            device.pciId = nvml?.pciId ?? pci.map { "\(PCIVendor.hex($0.vendorId)):\(PCIVendor.hex($0.deviceId))" }
            device.renderNode = node?.path
            let driverSees = known.contains(slot)
            device.driver = pci?.driver ?? (driverSees ? "nvidia" : nil)
            device.driverVersion = driverSees ? driverVersion : nil
            device.cudaIndex = driverSees ? (nvml?.index ?? known.firstIndex(of: slot)) : nil
            if !driverSees {
                device.notes.append("the NVIDIA driver does not see this GPU (driver \(pci?.driver ?? "not loaded"))")
            } else if nvml == nil, let error = o.nvmlError {
                device.notes.append("\(error); NVENC presence comes from the test encodes alone")
            }
            if known.count > 1 {
                device.notes.append("CUDA index counts GPUs in PCI bus order: run ffmpeg with CUDA_DEVICE_ORDER=PCI_BUS_ID")
            }
            return DeviceDraft(family: .nvidia, device: device, nvml: nvml)
        }
    }

    private func drmDevices(_ o: HardwareObservations, ignored: inout [String]) -> [DeviceDraft] {
        var drafts: [DeviceDraft] = []
        var claimedSlots = Set<String>()
        for node in o.inventory.renderNodes where node.vendorId != PCIVendor.nvidia {
            let vainfo = o.vainfo[node.path]
            let hasVA = vainfo.map { !$0.decode.isEmpty || !$0.encode.isEmpty } ?? false
            let vendorName = PCIVendor.name(node.vendorId)
            let idText = [node.vendorId, node.deviceId].compactMap { $0.map(PCIVendor.hex) }.joined(separator: ":")
            guard vendorName != nil || hasVA else {
                ignored.append("\(node.path) (\(node.driver ?? "no driver")\(idText.isEmpty ? "" : ", \(idText)"))")
                continue
            }
            if let slot = node.pciSlot { claimedSlots.insert(slot) }
            let isIntel = node.vendorId == PCIVendor.intel
            var device = HardwareDevice(vendor: vendorName ?? node.driver.map { "\($0)" } ?? "unknown",
                                        model: "", driver: node.driver)
            device.model = vainfo?.modelFromDriver.flatMap(HardwareText.cleaned)
                ?? zip2(node.vendorId, node.deviceId).flatMap { PCIIDs.deviceName(vendor: $0, device: $1, in: tree) }
                ?? HardwareText.cleaned(node.platformName)
                ?? "\(vendorName ?? "GPU") \(idText.isEmpty ? node.name : idText)"
            device.driverVersion = vainfo?.driver.flatMap(HardwareText.cleaned)
            device.pciId = idText.contains(":") ? idText : nil
            device.pciSlot = node.pciSlot
            device.renderNode = node.path
            if !tree.exists(node.path) {
                device.notes.append("render node \(node.path) is not present in /dev (a container without the device?)")
            } else if root == "/" || root.isEmpty, access(node.path, R_OK | W_OK) != 0 {
                device.notes.append("no read/write access to \(node.path): add the user to the 'render' group")
            }
            if o.vainfoPath == nil {
                device.notes.append("vainfo is not installed: VAAPI paths were tested without its listing")
            } else if let error = o.vainfoErrors[node.path] {
                device.notes.append(error)
            }
            drafts.append(DeviceDraft(family: .drm(intel: isIntel), device: device, vainfo: vainfo))
        }
        for display in o.inventory.pciDisplays where display.vendorId != PCIVendor.nvidia && !claimedSlots.contains(display.slot) {
            let ids = "\(PCIVendor.hex(display.vendorId)):\(PCIVendor.hex(display.deviceId))"
            guard let vendor = PCIVendor.name(display.vendorId) else {
                ignored.append("\(display.slot) (\(display.driver ?? "no driver"), \(ids))")
                continue
            }
            var device = HardwareDevice(vendor: vendor, model: PCIIDs.deviceName(vendor: display.vendorId,
                                                                                 device: display.deviceId, in: tree)
                                        ?? "\(vendor) GPU \(ids)", driver: display.driver, pciId: ids, pciSlot: display.slot)
            device.notes.append("no render node for this GPU (driver \(display.driver ?? "not loaded")): it cannot be used for video")
            drafts.append(DeviceDraft(family: .drm(intel: display.vendorId == PCIVendor.intel), device: device))
        }
        return drafts
    }

    private func v4l2Device(_ inventory: HardwareInventory) -> DeviceDraft? {
        let nodes = inventory.v4l2Codecs
        guard !nodes.isEmpty else { return nil }
        let drivers = Array(Set(nodes.compactMap(\.driver))).sorted()
        let labels = nodes.map(\.label)
        var seen = Set<String>()
        let model = labels.filter { seen.insert($0).inserted }.joined(separator: ", ")
        let device = HardwareDevice(
            vendor: Self.socVendor((labels + drivers).joined(separator: " ")),
            model: HardwareText.clean(model.isEmpty ? "V4L2 M2M codec" : model),
            driver: drivers.isEmpty ? nil : HardwareText.clean(drivers.joined(separator: ", ")),
            videoNodes: nodes.map(\.path),
            notes: ["ffmpeg picks the V4L2 M2M node itself; the trials prove some node works"])
        return DeviceDraft(family: .v4l2, device: device)
    }

    /// The SoC maker behind a V4L2 codec driver name.
    static func socVendor(_ text: String) -> String {
        let t = text.lowercased()
        let table: [(String, String)] = [
            ("bcm2835", "Broadcom"), ("rpivid", "Broadcom"), ("rkvdec", "Rockchip"), ("rkvenc", "Rockchip"),
            ("rockchip", "Rockchip"), ("hantro", "Verisilicon Hantro"), ("meson", "Amlogic"), ("amlogic", "Amlogic"),
            ("cedrus", "Allwinner"), ("sunxi", "Allwinner"), ("venus", "Qualcomm"), ("qcom", "Qualcomm"),
            ("mtk", "MediaTek"), ("mediatek", "MediaTek"), ("s5p-mfc", "Samsung"), ("coda", "Chips&Media"),
            ("wave5", "Chips&Media"), ("amphion", "NXP"), ("imx", "NXP"), ("allegro", "Xilinx"),
        ]
        return table.first { t.contains($0.0) }?.1 ?? "ARM SoC"
    }
}

private func zip2<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
