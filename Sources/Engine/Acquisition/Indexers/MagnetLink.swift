import Foundation

/// Checks the magnet links indexers hand out before anything trusts them.
///
/// A magnet is usable when it names a BitTorrent info-hash: `xt=urn:btih:` with 40 hex or
/// 32 base32 characters (v1), or `xt=urn:btmh:1220` with 64 hex characters (v2). Anything
/// else ("magnet:?dn=name", a truncated hash, another scheme) would fail later, at grab
/// time, with a worse message.
public enum MagnetLink {
    /// The info-hash, lowercased hex for v1 and v2, or the base32 text uppercased; nil when the link is not a usable magnet.
    public static func infoHash(_ link: String) -> String? {
        guard link.count <= 16 * 1024, link.lowercased().hasPrefix("magnet:?") else { return nil }
        let query = link.dropFirst("magnet:?".count)
        for part in query.split(separator: "&") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased().hasPrefix("xt") else { continue }
            let value = (String(pair[1]).removingPercentEncoding ?? String(pair[1]))
            let lower = value.lowercased()
            if lower.hasPrefix("urn:btih:") {
                let hash = value.dropFirst("urn:btih:".count)
                if hash.count == 40, hash.allSatisfy(\.isHexDigit) { return hash.lowercased() }
                if hash.count == 32, hash.uppercased().allSatisfy({ ("A"..."Z").contains($0) || ("2"..."7").contains($0) }) { return hash.uppercased() }
            } else if lower.hasPrefix("urn:btmh:1220") {
                let hash = value.dropFirst("urn:btmh:1220".count)
                if hash.count == 64, hash.allSatisfy(\.isHexDigit) { return hash.lowercased() }
            }
        }
        return nil
    }

    public static func isValid(_ link: String) -> Bool { infoHash(link) != nil }

    /// A 40-character hex v1 info-hash (the `infohash` attribute), lowercased; nil otherwise.
    public static func hexInfoHash(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count == 40 || t.count == 64, t.allSatisfy(\.isHexDigit) else { return nil }
        return t.lowercased()
    }
}
