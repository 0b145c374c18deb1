/// What the library keeps about one comic archive.
///
/// Mostly the fields of ComicInfo.xml (the ComicRack schema every comic tool writes), plus
/// what the archive itself says: the page count and the real container format.
public struct ComicMetadata: Sendable, Codable, Equatable {
    public var series: String?
    /// Issue number as text, because issues are numbered `1`, `12.5`, `½` or `Annual 1`;
    /// plain numbers lose their padding (`001` is `1`).
    public var number: String?
    public var volume: Int?
    public var title: String?
    public var writer: String?
    public var year: Int?
    /// ComicInfo's PageCount when present, else the number of image entries.
    public var pages: Int
    /// `CBZ`, `CBR`, `CB7` or `CBT`, from the container's bytes, not its extension.
    public var format: String
    public var languageISO: String?
    public var summary: String?

    public init(series: String? = nil, number: String? = nil, volume: Int? = nil, title: String? = nil, writer: String? = nil,
                year: Int? = nil, pages: Int, format: String, languageISO: String? = nil, summary: String? = nil) {
        self.series = series
        self.number = number
        self.volume = volume
        self.title = title
        self.writer = writer
        self.year = year
        self.pages = pages
        self.format = format
        self.languageISO = languageISO
        self.summary = summary
    }
}
