import Foundation

/// Usenet results are shown but cannot be fetched: no usenet downloader exists here yet.
public struct DownloadableSpecification: DecisionSpecification {
    public let name = "downloadable"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        if c.release.releaseProtocol == .usenet {
            return "a usenet (Newznab) release: listed, but seedtui cannot download usenet yet"
        }
        return c.release.downloadable ? nil : "no download link or magnet"
    }
}

/// Samples are a minute of the real thing, never what was wanted.
public struct SampleSpecification: DecisionSpecification {
    public let name = "sample"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        TermMatcher.normalize(c.release.title).contains(" sample ") ? "a sample, not the release" : nil
    }
}

/// The quality must be one the profile allows.
public struct QualityAllowedSpecification: DecisionSpecification {
    public let name = "quality"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        guard ctx.profile.preference(of: c.quality) == nil else { return nil }
        let what = QualityRanking.fakes.contains(c.quality) ? " (a theatre or preview copy)" : ""
        return "\(c.quality)\(what) is not allowed by profile '\(ctx.profile.name)'"
    }
}

/// With a file on disk, only a better one is worth grabbing, and only below the cutoff.
public struct UpgradeSpecification: DecisionSpecification {
    public let name = "upgrade"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        guard let onDisk = ctx.onDisk else { return nil }
        let p = ctx.profile
        if !p.upgradesAllowed { return "\(onDisk) is on disk and profile '\(p.name)' does not upgrade" }
        if p.meetsCutoff(onDisk) { return "\(onDisk) on disk already meets the cutoff \(p.cutoff ?? "")" }
        guard let new = p.preference(of: c.quality) else { return nil }   // the quality rule already says why
        if let old = p.preference(of: onDisk), new >= old { return "\(c.quality) is not better than \(onDisk) on disk" }
        return nil
    }
}

/// Size within the profile's bounds: MB per minute of runtime for video, MB for the rest.
/// Season packs are not bounded (their episode count is unknown until metadata exists).
public struct SizeSpecification: DecisionSpecification {
    public let name = "size"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        guard let size = c.release.size, let limit = ctx.profile.sizeLimits[c.quality] else { return nil }
        let mb = Double(size) / 1_048_576
        let video = c.kind == .episode || c.kind == .movie
        if video {
            if c.info.fullSeason { return nil }
            let perItem = ctx.target?.runtimeMinutes ?? (c.kind == .movie ? WantedType.movie : WantedType.tv).defaultRuntimeMinutes ?? 45
            let minutes = Double(perItem * max(1, c.info.episodes.count))
            let rate = mb / minutes
            if let lo = limit.min, rate < lo {
                return "\(Units.formatBytes(size)) is \(Self.format(rate)) MB/min for \(Int(minutes)) min, below \(Self.format(lo)) for \(c.quality)"
            }
            if let hi = limit.max, rate > hi {
                return "\(Units.formatBytes(size)) is \(Self.format(rate)) MB/min for \(Int(minutes)) min, above \(Self.format(hi)) for \(c.quality)"
            }
        } else {
            if let lo = limit.min, mb < lo { return "\(Units.formatBytes(size)) is below \(Self.format(lo)) MB for \(c.quality)" }
            if let hi = limit.max, mb > hi { return "\(Units.formatBytes(size)) is above \(Self.format(hi)) MB for \(c.quality)" }
        }
        return nil
    }

    static func format(_ v: Double) -> String { v >= 10 || v == v.rounded() ? String(Int(v.rounded())) : String(format: "%.1f", v) }
}
