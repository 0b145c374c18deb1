/// The API an indexer speaks: Torznab (torrents; Prowlarr, Jackett) or Newznab (usenet; NZBHydra).
///
/// Both share the query language and the RSS answer; the kind decides whether results can be
/// downloaded here: usenet needs a downloader seedtui does not have yet.
public enum IndexerKind: String, Codable, Sendable, CaseIterable {
    case torznab, newznab

    /// The protocol its releases travel on.
    public var releaseProtocol: ReleaseProtocol { self == .torznab ? .torrent : .usenet }
}

/// How a release is downloaded.
public enum ReleaseProtocol: String, Codable, Sendable {
    case torrent, usenet
}
