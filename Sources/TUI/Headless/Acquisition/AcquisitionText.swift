import ArgumentParser
import Engine
import Foundation

/// The human forms of acquisition answers: indexer lists, search results, profiles.
enum AcquisitionText {
    static func time(_ seconds: Int64) -> String { Console.date(Double(seconds)) }

    /// "5m", "3h", "12d" since a date.
    static func age(_ date: Date?) -> String {
        guard let date else { return "-" }
        let s = max(0, Int(Date().timeIntervalSince(date)))
        if s < 3600 { return "\(s / 60)m" }
        if s < 86400 { return "\(s / 3600)h" }
        return "\(s / 86400)d"
    }

    static func status(_ i: IndexerSummary) -> String {
        switch i.status {
        case "backoff": return "backoff until \(i.backoffUntil.map(time) ?? "?") (\(plural(i.failures, "failure")))"
        case "failing": return "failing (\(plural(i.failures, "failure")))"
        default: return i.status
        }
    }

    static func printIndexers(_ list: [IndexerSummary]) {
        var table = Table([.init(title: "NAME"), .init(title: "KIND"), .init(title: "PRIO", alignRight: true), .init(title: "STATUS"),
                           .init(title: "SEARCHES"), .init(title: "URL", flexible: true), .init(title: "LAST ERROR")])
        for i in list {
            table.add([i.name, i.kind.rawValue, String(i.priority), status(i), i.searches, i.url, i.lastError ?? ""],
                      color: i.status == "ok" ? nil : (3, i.status == "disabled" ? "90" : "31"))
        }
        table.print()
        if list.isEmpty { Console.out("no indexers; add one with `indexer add NAME URL --apikey KEY`") }
    }

    static func printDecisions(_ decisions: [Decision], showRejected: Bool) {
        var table = Table([.init(title: "#", alignRight: true), .init(title: "QUALITY"), .init(title: "SIZE", alignRight: true),
                           .init(title: "SEEDS", alignRight: true), .init(title: "AGE", alignRight: true), .init(title: "INDEXER"),
                           .init(title: "TITLE", flexible: true), .init(title: "VERDICT")])
        for d in decisions where d.accepted || showRejected {
            let r = d.release
            let seeds = r.releaseProtocol == .usenet ? "nzb" : r.seeders.map(String.init) ?? "?"
            let verdict = d.accepted ? "accepted" + (d.score != 0 ? " (score \(d.score))" : "")
                                     : "rejected: " + d.rejections.map(\.reason).joined(separator: "; ")
            table.add([String(d.rank), d.quality, r.size.map(Units.formatBytes) ?? "?", seeds, age(r.publishedAt), r.indexer, r.title, verdict],
                      color: (7, d.accepted ? "32" : "90"))
        }
        table.print()
    }

    static func profileLines(_ e: Methods.ProfileEntry) -> [String] {
        let p = e.profile
        var lines = ["name: \(p.name)\(e.builtin ? " (built in)" : "")",
                     "qualities (best first): \(p.qualities.joined(separator: ", "))",
                     "cutoff: \(p.cutoff ?? "none")",
                     "upgrades: \(p.upgradesAllowed ? "yes" : "no")",
                     "minimum seeders: \(p.minimumSeeders)"]
        if p.delayMinutes > 0 { lines.append("delay: \(p.delayMinutes) min") }
        if let d = p.maximumAgeDays { lines.append("maximum age: \(d) days") }
        if !p.requiredTerms.isEmpty { lines.append("required terms: \(p.requiredTerms.joined(separator: ", "))") }
        if !p.ignoredTerms.isEmpty { lines.append("ignored terms: \(p.ignoredTerms.joined(separator: ", "))") }
        if !p.preferredTerms.isEmpty { lines.append("preferred terms: \(p.preferredTerms.map { "\($0.term)=\($0.score)" }.joined(separator: ", "))") }
        if let m = p.minimumScore { lines.append("minimum score: \(m)") }
        for q in p.qualities {
            guard let l = p.sizeLimits[q] else { continue }
            let unit = QualityRanking.rank(q, kind: .movie) != nil ? " MB/min" : " MB"
            lines.append("size \(q): \(l.min.map { String($0) } ?? "0")–\(l.max.map { String($0) } ?? "∞")\(unit)")
        }
        return lines.map(TerminalText.inert)
    }
    static func grabLine(_ g: GrabOutcome) -> String {
        TerminalText.inert("grabbed \(g.title) (\(g.quality)) from \(g.indexer)" + (g.wanted.map { " for #\(g.wantedId ?? 0) \($0)" } ?? "")
                           + (g.upgrade ? " (upgrade)" : "") + " as torrent #\(g.torrentId)")
    }

    /// Prints a sync or wanted search: failing and resting indexers and releases passed over on
    /// stderr, grabs on stdout; throws exit 1 when no indexer answered or an item got nothing.
    static func finish(_ report: SyncReport, json: Bool) throws {
        for o in report.outcomes where o.status != "ok" {
            Console.error(TerminalText.inert("indexer \(o.indexer): \(o.status)" + (o.message.map { ": \($0)" } ?? "")))
        }
        for p in report.passedOver { Console.error(TerminalText.inert("passed over: " + p)) }
        for f in report.failures { Console.error(TerminalText.inert(f)) }
        if json {
            try Console.writeJSON(report)
        } else {
            for o in report.outcomes where o.status == "ok" {
                Console.out(TerminalText.inert("indexer \(o.indexer): \(plural(o.releases, "release")) in \(o.elapsedMs) ms"))
            }
            for g in report.grabs { Console.out(grabLine(g)) }
            Console.out("\(plural(report.releases, "release")) against \(plural(report.wanted, "wanted item")): "
                        + "\(report.accepted) accepted, \(report.grabs.count) grabbed, "
                        + (report.passedOver.isEmpty ? "" : "\(report.passedOver.count) passed over, ")
                        + "\(report.failures.count) failed in \(report.elapsedMs) ms")
        }
        if !report.outcomes.isEmpty, !report.outcomes.contains(where: { $0.status == "ok" }) { throw ExitCode(ExitStatus.failed) }
        if !report.failures.isEmpty { throw ExitCode(ExitStatus.failed) }
    }
}
