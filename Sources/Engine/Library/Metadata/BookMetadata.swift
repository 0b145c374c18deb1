/// What the library keeps about one e-book, read from the file itself.
///
/// The same shape for EPUB, PDF and MOBI/AZW3 so the catalogue and the screens need not
/// care which format a book came in; fields a format cannot carry stay nil. Strings are
/// as the file wrote them (trimmed), so nothing is lost before naming rules run.
public struct BookMetadata: Sendable, Codable, Equatable {
    public var title: String?
    /// Authors in the order the file lists them.
    public var authors: [String]
    /// Language code as written (`en`, `fr-CA`).
    public var language: String?
    /// Every identifier as written (ISBN, UUID, ASIN, `calibre:123`).
    public var identifiers: [String]
    /// ISBN-10 or ISBN-13, digits only (and a final `X` for ISBN-10).
    public var isbn: String?
    public var series: String?
    /// Position in the series; fractional for novellas (`2.5`).
    public var seriesIndex: Double?
    public var publisher: String?
    /// Publication date as written in EPUB and MOBI (`2019`, `2019-07-14`); PDF dates
    /// (`D:20190714183005+02'00'`) are rewritten as ISO 8601 (`2019-07-14T18:30:05+02:00`).
    public var date: String?
    public var description: String?
    /// Page count, known for PDF only.
    public var pages: Int?
    /// Whether the file names an embedded cover image.
    public var hasCover: Bool
    /// `EPUB`, `PDF`, `MOBI` or `AZW3`.
    public var format: String

    public init(title: String? = nil, authors: [String] = [], language: String? = nil, identifiers: [String] = [],
                isbn: String? = nil, series: String? = nil, seriesIndex: Double? = nil, publisher: String? = nil,
                date: String? = nil, description: String? = nil, pages: Int? = nil, hasCover: Bool = false, format: String) {
        self.title = title
        self.authors = authors
        self.language = language
        self.identifiers = identifiers
        self.isbn = isbn
        self.series = series
        self.seriesIndex = seriesIndex
        self.publisher = publisher
        self.date = date
        self.description = description
        self.pages = pages
        self.hasCover = hasCover
        self.format = format
    }
}
