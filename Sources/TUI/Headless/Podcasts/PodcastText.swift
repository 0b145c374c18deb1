import Engine
import Foundation

/// Podcast tables and report lines; every feed-supplied text made inert.
enum PodcastText {
    static func printTable(_ list: [PodcastSummary]) {
        var table = Table([.init(title: "ID", alignRight: true), .init(title: "TITLE", flexible: true), .init(title: "EPISODES", alignRight: true),
                           .init(title: "HAVE", alignRight: true), .init(title: "SIZE", alignRight: true), .init(title: "RETENTION"),
                           .init(title: "REFRESHED")])
        for s in list {
            let p = s.podcast
            table.add([String(p.id ?? 0), TerminalText.inert(p.title), String(s.episodes), String(s.downloaded), Units.formatBytes(s.bytes),
                       retention(p), p.lastError != nil ? "failed" : (p.refreshedAt.map { Console.date(Double($0)) } ?? "never")])
        }
        table.print()
        for s in list { if let e = s.podcast.lastError { Console.error("podcast #\(s.podcast.id ?? 0): \(TerminalText.inert(e))") } }
    }

    static func retention(_ p: PodcastRecord) -> String {
        var parts: [String] = []
        if !p.download { parts.append("no download") }
        if let k = p.keep { parts.append("keep \(k)") }
        if let a = p.maxAge { parts.append("max \(Units.formatDuration(a))") }
        return parts.isEmpty ? "all" : parts.joined(separator: ", ")
    }

    static func printReport(_ r: Methods.PodcastReport, verb: String) {
        let p = r.podcast.podcast
        for e in r.errors { Console.error("podcast #\(p.id ?? 0): \(TerminalText.inert(e))") }
        Console.out("podcast #\(p.id ?? 0) \(TerminalText.inert(p.title)) \(verb): \(r.new) new, \(r.downloaded) downloaded, "
                    + "\(r.removed) deleted by retention, \(r.failed) failed; \(r.podcast.downloaded) of \(r.podcast.episodes) episodes on disk")
    }

    static func printEpisodes(_ list: [PodcastEpisode]) {
        var table = Table([.init(title: "ID", alignRight: true), .init(title: "DATE"), .init(title: "STATE"), .init(title: "SIZE", alignRight: true),
                           .init(title: "TITLE", flexible: true), .init(title: "NOTE")])
        for e in list {
            let date = e.publishedAt.map { String(Console.date(Double($0)).prefix(10)) } ?? "?"
            let size = (e.bytes ?? e.enclosureLength).map { Units.formatBytes($0) } ?? ""
            table.add([String(e.id ?? 0), date, e.state.rawValue, size, TerminalText.inert(e.title), TerminalText.inert(e.error ?? "")])
        }
        table.print()
    }
}
