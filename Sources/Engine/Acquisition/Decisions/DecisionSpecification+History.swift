import Foundation

/// A torrent nobody seeds never finishes.
public struct SeedersSpecification: DecisionSpecification {
    public let name = "seeders"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        guard c.release.releaseProtocol == .torrent, let seeders = c.release.seeders, seeders < ctx.profile.minimumSeeders else { return nil }
        return "\(seeders) seeder\(seeders == 1 ? "" : "s"), profile '\(ctx.profile.name)' wants at least \(ctx.profile.minimumSeeders)"
    }
}

/// Releases someone blocklisted (a failed download, a fake) are never taken again.
public struct BlocklistSpecification: DecisionSpecification {
    public let name = "blocklist"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        for key in Self.keys(c.release) { if let why = ctx.blocklist[key] { return "blocklisted: \(why)" } }
        return nil
    }

    /// The identities a release is known by: info-hash, guid, lowercased title.
    public static func keys(_ r: IndexerRelease) -> [String] {
        [r.infoHash, r.guid, r.title.lowercased()].compactMap { $0 }
    }
}

/// A release whose link was just found gone is left alone for a while (see `GoneLinks`).
public struct UnavailableSpecification: DecisionSpecification {
    public let name = "unavailable"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        guard !ctx.unavailable.isEmpty, let link = c.release.downloadURL else { return nil }
        return ctx.unavailable[link]
    }
}

/// A release grabbed before is not grabbed twice.
public struct AlreadyGrabbedSpecification: DecisionSpecification {
    public let name = "already_grabbed"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        BlocklistSpecification.keys(c.release).contains(where: ctx.grabbed.contains) ? "already grabbed" : nil
    }
}

/// Releases older than the profile's maximum age are stale (usenet retention, dead torrents).
public struct AgeSpecification: DecisionSpecification {
    public let name = "age"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        guard let max = ctx.profile.maximumAgeDays, let published = c.release.publishedAt else { return nil }
        let days = Int(ctx.now.timeIntervalSince(published) / 86400)
        return days > max ? "published \(days) days ago, profile '\(ctx.profile.name)' allows \(max)" : nil
    }
}

/// A fresh release waits the profile's delay for a better one, unless it already meets the cutoff.
public struct DelaySpecification: DecisionSpecification {
    public let name = "delay"
    public init() {}
    public func check(_ c: ReleaseCandidate, _ ctx: DecisionContext) -> String? {
        let p = ctx.profile
        guard p.delayMinutes > 0, let published = c.release.publishedAt, p.cutoff != nil, !p.meetsCutoff(c.quality) else { return nil }
        let age = Int(ctx.now.timeIntervalSince(published) / 60)
        return age < p.delayMinutes ? "published \(max(0, age)) min ago; profile '\(p.name)' waits \(p.delayMinutes) min for a release at its cutoff" : nil
    }
}
