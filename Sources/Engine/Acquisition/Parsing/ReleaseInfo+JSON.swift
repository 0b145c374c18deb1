extension ReleaseInfo {
    /// Every key, nulls included, in one fixed order: scripts can rely on the shape.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(year, forKey: .year)
        try c.encode(seasons, forKey: .seasons)
        try c.encode(episodes, forKey: .episodes)
        try c.encode(absoluteEpisodes, forKey: .absoluteEpisodes)
        try c.encode(airDate, forKey: .airDate)
        try c.encode(fullSeason, forKey: .fullSeason)
        try c.encode(resolution, forKey: .resolution)
        try c.encode(source, forKey: .source)
        try c.encode(quality, forKey: .quality)
        try c.encode(proper, forKey: .proper)
        try c.encode(repack, forKey: .repack)
        try c.encode(version, forKey: .version)
        try c.encode(videoCodec, forKey: .videoCodec)
        try c.encode(audioCodec, forKey: .audioCodec)
        try c.encode(audioChannels, forKey: .audioChannels)
        try c.encode(hdr, forKey: .hdr)
        try c.encode(languages, forKey: .languages)
        try c.encode(edition, forKey: .edition)
        try c.encode(releaseGroup, forKey: .releaseGroup)
        try c.encode(streamingService, forKey: .streamingService)
        try c.encode(type, forKey: .type)
        try c.encode(artist, forKey: .artist)
        try c.encode(album, forKey: .album)
        try c.encode(author, forKey: .author)
        try c.encode(format, forKey: .format)
    }

    /// Appends this value as one compact JSON object (same keys and order as `encode(to:)`).
    ///
    /// `parse --stdin --json` writes one object per input line; `JSONEncoder` would cost
    /// several times the parse itself, so the bytes are written directly.
    public func appendJSON(to buffer: inout [UInt8]) {
        var w = JSONWriter(capacity: 0)
        swap(&w.bytes, &buffer)
        w.beginObject()
        w.field("title", title)
        w.field("year", year.map(Int64.init))
        w.ints("seasons", seasons)
        w.ints("episodes", episodes)
        w.ints("absolute_episodes", absoluteEpisodes)
        w.field("air_date", airDate)
        w.field("full_season", fullSeason)
        w.field("resolution", resolution)
        w.field("source", source)
        w.field("quality", quality)
        w.field("proper", proper)
        w.field("repack", repack)
        w.field("version", version.map(Int64.init))
        w.field("video_codec", videoCodec)
        w.field("audio_codec", audioCodec)
        w.field("audio_channels", audioChannels)
        w.field("hdr", hdr)
        w.field("languages", languages)
        w.field("edition", edition)
        w.field("release_group", releaseGroup)
        w.field("streaming_service", streamingService)
        w.field("type", type.rawValue)
        w.field("artist", artist)
        w.field("album", album)
        w.field("author", author)
        w.field("format", format)
        w.endObject()
        swap(&w.bytes, &buffer)
    }

    /// The value as one compact JSON object.
    public var jsonBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        appendJSON(to: &bytes)
        return bytes
    }
}

extension JSONWriter {
    fileprivate mutating func ints(_ name: StaticString, _ values: [Int]) {
        key(name)
        beginArray()
        for v in values { int(Int64(v)) }
        endArray()
    }
}
