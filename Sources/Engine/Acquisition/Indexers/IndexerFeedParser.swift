import Foundation

/// Reads a Torznab/Newznab RSS answer into releases.
///
/// The whole answer is refused (and the indexer backs off) when it is not a feed at all: an
/// `<error/>`, HTML, malformed XML. Single items that cannot be trusted (no title, no usable
/// link, a magnet without an info-hash, an absurd size) are left out and listed in `dropped`
/// with the reason, so one bad row does not hide the good ones and never becomes a release.
public enum IndexerFeedParser {
    /// Larger than any real release (a full Blu-ray season box is a few TiB).
    public static let maxReleaseSize: Int64 = 20 << 40

    public static func parse(_ data: Data, indexer: String, kind: IndexerKind) throws -> IndexerFeed {
        let root = try IndexerXML.parse(data)
        if root.localName == "error" { throw errorAnswer(root) }
        guard root.localName == "rss" else {
            throw IndexerError.malformed("the document is <\(IndexerError.clean(root.name))>, not an RSS feed")
        }
        guard let channel = root.child(named: "channel") else { throw IndexerError.malformed("the feed has no <channel>") }
        if let error = channel.child(named: "error") { throw errorAnswer(error) }
        var feed = IndexerFeed()
        if let response = channel.child(named: "response") {
            feed.offset = response.attribute("offset").flatMap { Int($0) }
            feed.total = response.attribute("total").flatMap { Int($0) }
        }
        let dates = FeedDateReader()
        for (index, item) in channel.children(named: "item").enumerated() {
            feed.itemCount += 1
            switch release(item, indexer: indexer, kind: kind, dates: dates) {
            case .success(let r): feed.releases.append(r)
            case .failure(let why): feed.dropped.append("item \(index + 1)\(why.title.map { " '\(IndexerError.clean($0))'" } ?? ""): \(why.reason)")
            }
        }
        return feed
    }

    static func errorAnswer(_ node: IndexerXMLNode) -> IndexerError {
        let code = node.attribute("code").flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        let description = node.attribute("description") ?? node.trimmedText
        return IndexerError.answer(code: code, description: description)
    }

    struct Dropped: Error {
        var title: String?
        var reason: String
    }

    static func release(_ item: IndexerXMLNode, indexer: String, kind: IndexerKind, dates: FeedDateReader) -> Result<IndexerRelease, Dropped> {
        let title = item.child(named: "title")?.trimmedText ?? ""
        guard !title.isEmpty else { return .failure(Dropped(title: nil, reason: "it has no title")) }
        func drop(_ reason: String) -> Result<IndexerRelease, Dropped> { .failure(Dropped(title: title, reason: reason)) }

        var attributes: [String: [String]] = [:]
        for attr in item.children(named: "attr") {
            guard let name = attr.attribute("name")?.lowercased(), let value = attr.attribute("value") else { continue }
            attributes[name, default: []].append(XMLTree.trimmed(value))
        }
        func attr(_ name: String) -> String? { attributes[name]?.first }
        func text(_ name: String) -> String? {
            let t = item.child(named: name)?.trimmedText
            return t?.isEmpty == false ? t : nil
        }
        let enclosure = item.child(named: "enclosure")

        var proto = kind.releaseProtocol
        if let type = enclosure?.attribute("type")?.lowercased() {
            if type.contains("x-nzb") { proto = .usenet } else if type.contains("bittorrent") { proto = .torrent }
        }
        var r = IndexerRelease(indexer: indexer, releaseProtocol: proto, title: title)
        r.guid = text("guid")
        r.detailsURL = text("comments")

        // Links: the magnet (attribute, or a link or enclosure that is one) and the http file link.
        let candidates = [enclosure?.attribute("url"), text("link")].compactMap { $0.map(XMLTree.trimmed) }
        let magnet = attr("magneturl") ?? candidates.first { $0.lowercased().hasPrefix("magnet:") }
        r.downloadURL = candidates.first(where: HTTPFetcher.isHTTP)
        if let magnet, !magnet.isEmpty {
            if let hash = MagnetLink.infoHash(magnet) {
                r.magnetURL = magnet
                r.infoHash = hash
            } else if r.downloadURL == nil {
                return drop("its magnet link names no valid info-hash and it has no other link")
            }
        }
        if let hash = attr("infohash").flatMap(MagnetLink.hexInfoHash) { r.infoHash = hash }
        guard r.downloadURL != nil || r.magnetURL != nil else { return drop("it has no download link") }

        // Size: the attribute, then <size>, then the enclosure's length (often the .torrent's own size, so last).
        let sizeText = attr("size") ?? text("size") ?? enclosure?.attribute("length").flatMap { $0 == "0" ? nil : $0 }
        if let sizeText {
            guard let size = Int64(sizeText), size >= 0, size <= maxReleaseSize else {
                return drop("its size '\(IndexerError.clean(sizeText))' is not a plausible number of bytes")
            }
            r.size = size == 0 ? nil : size
        }

        r.publishedAt = text("pubdate").flatMap(dates.date) ?? attr("usenetdate").flatMap(dates.date)
        r.categories = (attributes["category"] ?? []).compactMap { Int($0) }
        if r.categories.isEmpty { r.categories = item.children(named: "category").compactMap { Int($0.trimmedText) } }
        func count(_ s: String?) -> Int? { s.flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil } }
        r.seeders = count(attr("seeders"))
        r.peers = count(attr("peers"))
        r.leechers = count(attr("leechers")) ?? {
            guard let p = r.peers, let s = r.seeders, p >= s else { return nil }
            return p - s
        }()
        r.grabs = count(attr("grabs") ?? text("grabs"))
        r.files = count(attr("files") ?? text("files"))
        func factor(_ s: String?) -> Double? { s.flatMap { Double($0) }.flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } }
        r.downloadVolumeFactor = factor(attr("downloadvolumefactor"))
        r.uploadVolumeFactor = factor(attr("uploadvolumefactor"))
        r.minimumRatio = factor(attr("minimumratio"))
        r.minimumSeedTime = attr("minimumseedtime").flatMap { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
        r.imdbId = imdb(attr("imdbid") ?? attr("imdb"))
        r.tvdbId = count(attr("tvdbid"))
        r.tmdbId = count(attr("tmdbid"))
        r.season = count(attr("season"))
        r.episode = count(attr("episode"))
        return .success(r)
    }

    /// "tt0039689" from "tt0039689", "0039689" or "39689"; nil for 0 or junk.
    static func imdb(_ text: String?) -> String? {
        guard var t = text?.lowercased(), !t.isEmpty else { return nil }
        if t.hasPrefix("tt") { t.removeFirst(2) }
        guard let n = Int(t), n > 0 else { return nil }
        let digits = String(n)
        return "tt" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}
