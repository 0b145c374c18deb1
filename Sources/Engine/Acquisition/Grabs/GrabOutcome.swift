/// One grab made: which release went to the torrent client for which wanted item.
///
/// Returned by `grab`, `rss sync` and `wanted search` so scripts see what was started and can
/// follow the torrent by id; the same facts are written to `grab_history`.
public struct GrabOutcome: Codable, Sendable, Equatable {
    public var grabId: Int64
    public var wantedId: Int64?
    /// "Harbor Lights S01E05".
    public var wanted: String?
    public var title: String
    public var indexer: String
    public var quality: String
    public var torrentId: Int64
    /// Whether the item already had a grab or a file of a lower quality.
    public var upgrade: Bool

    enum CodingKeys: String, CodingKey {
        case wanted, title, indexer, quality, upgrade
        case grabId = "grab_id", wantedId = "wanted_id", torrentId = "torrent_id"
    }
}
