import Engine
import Foundation

/// The human forms of library answers.
enum LibraryText {
    static func printItems(_ raw: RawJSON, json: Bool) throws {
        if json { Console.writeJSON(raw.bytes); return }
        let items = try JSONDecoder().decode([LibraryItem].self, from: Data(raw.bytes))
        var table = Table([.init(title: "ID", alignRight: true), .init(title: "TYPE"), .init(title: "TITLE", flexible: true),
                           .init(title: "DETAIL"), .init(title: "SIZE", alignRight: true)])
        for item in items { table.add([String(item.id), item.type.rawValue, title(item), detail(item), Units.formatBytes(item.size)]) }
        table.print()
    }

    /// What a person looks for first: series and episode, artist and album, author and series.
    static func title(_ i: LibraryItem) -> String {
        switch i.type {
        case .episode:
            var t = i.series ?? "?"
            if let s = i.season, let e = i.episodes.first {
                t += " S" + pad(s) + i.episodes.map { "E" + pad($0) }.joined()
                _ = e
            } else if let a = i.absoluteEpisodes.first { t += " \(a)" } else if let d = i.airDate { t += " \(d)" }
            if let et = i.episodeTitle { t += " - \(et)" }
            return t
        case .track:
            return [i.artist, i.album, i.title].compactMap { $0 }.joined(separator: " – ")
        case .audiobook, .book:
            return [i.author, i.series.map { s in i.seriesIndex.map { "\(s) #\(format($0))" } ?? s }, i.title].compactMap { $0 }.joined(separator: " – ")
        case .comic:
            return [i.series, i.number.map { "#\($0)" }, i.title].compactMap { $0 }.joined(separator: " ")
        case .movie:
            return (i.title ?? "?") + (i.year.map { " (\($0))" } ?? "") + (i.edition.map { " {\($0)}" } ?? "")
        default:
            return i.title ?? (i.path as NSString).lastPathComponent
        }
    }

    static func detail(_ i: LibraryItem) -> String {
        if let e = i.error { return "error: \(e)" }
        var parts: [String] = []
        if let w = i.width, let h = i.height { parts.append("\(w)x\(h)") }
        if let v = i.videoCodec { parts.append(v) }
        if let hdr = i.hdr { parts.append(hdr) }
        if !i.audioCodecs.isEmpty && i.videoCodec == nil { parts.append(i.audioCodecs.joined(separator: ",")) }
        if let d = i.duration { parts.append(Units.formatDuration(Int64(d.rounded()))) }
        if let p = i.pages { parts.append("\(p) p.") }
        if let c = i.chapters { parts.append("\(c) ch.") }
        if let t = i.takenAt { parts.append(t) }
        if let c = i.camera { parts.append(c) }
        if let f = i.format, i.videoCodec == nil { parts.append(f) }
        return parts.joined(separator: " ")
    }

    static func detailLines(_ raw: RawJSON) -> [String] {
        struct Shown: Decodable { var item: LibraryItem; var detail: ItemDetail? }
        guard let shown = try? JSONDecoder().decode(Shown.self, from: Data(raw.bytes)) else { return ["(unreadable answer)"] }
        var lines: [String] = []
        for child in Mirror(reflecting: shown.item).children {
            guard let label = child.label, let text = render(child.value) else { continue }
            lines.append(TerminalText.pad(snake(label), to: 20) + TerminalText.inert(text))
        }
        if let probe = shown.detail?.probe {
            lines.append("")
            lines += ProbeText.lines(probe)
            for c in probe.chapters {
                lines.append(TerminalText.inert("  chapter \(Units.formatDuration(Int64(c.start))) \(c.title ?? "")"))
            }
        }
        return lines
    }

    /// A field's value for people, or nil when it says nothing (unset, empty, false).
    private static func render(_ value: Any) -> String? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let inner = mirror.children.first?.value else { return nil }
            return render(inner)
        }
        if let b = value as? Bool { return b ? "yes" : nil }
        if let a = value as? [Any] { return a.isEmpty ? nil : a.map { "\($0)" }.joined(separator: ", ") }
        if let t = value as? LibraryType { return t.rawValue }
        if let k = value as? ItemKind { return k.rawValue }
        return "\(value)"
    }

    /// "episodeTitle" → "episode_title", the JSON key people see in `--json`.
    static func snake(_ label: String) -> String {
        var out = ""
        for c in label {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
    static func format(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }
}
