@testable import Engine
import Foundation
import GRDB
import Logging
import XCTest

/// Torznab/Newznab answers: caps, results with their attributes, error codes, bad input, key secrecy.
/// Every document here is written for these tests.
final class IndexerParsingTests: XCTestCase {
    static let capsXML = """
        <?xml version="1.0" encoding="UTF-8"?>
        <caps>
          <server version="1.0" title="Lantern Tracker" />
          <limits max="100" default="50"/>
          <searching>
            <search available="yes" supportedParams="q"/>
            <tv-search available="yes" supportedParams="q,season,ep,tvdbid"/>
            <movie-search available="yes"/>
            <audio-search available="no"/>
            <book-search available="yes" supportedParams="q,author,title"/>
          </searching>
          <categories>
            <category id="2000" name="Movies"><subcat id="2040" name="Movies/HD"/></category>
            <category id="5000" name="TV"><subcat id="5040" name="TV/HD"/><subcat id="5045" name="TV/UHD"/></category>
          </categories>
        </caps>
        """

    static func item(_ title: String, _ extra: String = "", link: String? = "http://127.0.0.1/dl/1.torrent") -> String {
        """
        <item>
          <title>\(title)</title>
          <guid>https://tracker.test/t/\(abs(title.hashValue))</guid>
          \(link.map { "<link>\($0)</link>" } ?? "")
          <pubDate>Sat, 14 Mar 2015 17:10:42 -0400</pubDate>
          \(extra)
        </item>
        """
    }

    static func feed(_ items: [String], namespace: String = "torznab") -> Data {
        Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:torznab="http://torznab.com/schemas/2015/feed" xmlns:newznab="http://www.newznab.com/DTD/2010/feeds/attributes/">
            <channel><title>Test</title>
            <newznab:response offset="0" total="\(items.count)"/>
            \(items.joined(separator: "\n"))
            </channel></rss>
            """.utf8)
    }

    // MARK: Caps

    func testCapsModesCategoriesAndLimits() throws {
        let caps = try IndexerCapsParser.parse(Data(Self.capsXML.utf8))
        XCTAssertEqual(caps.title, "Lantern Tracker")
        XCTAssertEqual(caps.limitMax, 100)
        XCTAssertEqual(caps.limitDefault, 50)
        XCTAssertEqual(caps.mode(for: .tvsearch)?.parameters, ["q", "season", "ep", "tvdbid"])
        // No supportedParams: the spec's parameters for the mode.
        XCTAssertEqual(caps.mode(for: .movie)?.parameters, ["q", "imdbid"])
        XCTAssertNil(caps.mode(for: .music), "audio-search is not available")
        XCTAssertEqual(caps.summary, "search tv movie book")
        XCTAssertEqual(caps.allCategoryIds, [2000, 2040, 5000, 5040, 5045])
        // A BOM and blanks before the declaration are fine.
        let bom = Data([0xEF, 0xBB, 0xBF, 0x20, 0x0A]) + Data(Self.capsXML.utf8)
        XCTAssertEqual(try IndexerCapsParser.parse(bom), caps)
    }

    func testCapsErrorAnswerIsBadKey() {
        let xml = "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\" ?> \n<error code=\"100\" description=\"Incorrect user credentials\"/>"
        XCTAssertThrowsError(try IndexerCapsParser.parse(Data(xml.utf8))) { error in
            XCTAssertEqual(error as? IndexerError, .badKey(code: 100, description: "Incorrect user credentials"))
            let message = (error as! IndexerError).message(indexer: "lantern")
            XCTAssertTrue(message.hasPrefix("indexer lantern refused the API key (code 100: Incorrect user credentials)"), message)
        }
    }

    // MARK: Results

    func testTorznabAttributes() throws {
        let full = Self.item("Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP", """
            <size>1000</size>
            <enclosure url="http://127.0.0.1/dl/1.torrent" length="2538463390" type="application/x-bittorrent"/>
            <torznab:attr name="size" value="2538463390"/>
            <torznab:attr name="category" value="5000"/>
            <torznab:attr name="category" value="5040"/>
            <torznab:attr name="seeders" value="57"/>
            <torznab:attr name="peers" value="60"/>
            <torznab:attr name="infohash" value="63E07FF523710CA268567DAD344CE1E0E6B7E8A3"/>
            <torznab:attr name="magneturl" value="magnet:?xt=urn:btih:63e07ff523710ca268567dad344ce1e0e6b7e8a3&amp;dn=Harbor"/>
            <torznab:attr name="downloadvolumefactor" value="0"/>
            <torznab:attr name="uploadvolumefactor" value="2"/>
            <torznab:attr name="minimumratio" value="1.0"/>
            <torznab:attr name="minimumseedtime" value="172800"/>
            <torznab:attr name="imdb" value="3032476"/>
            <torznab:attr name="tvdbid" value="273181"/>
            <torznab:attr name="grabs" value="12"/>
            """)
        let magnetOnly = Self.item("Copper.Road.2019.720p.BluRay.x264-ORE", """
            <torznab:attr name="magneturl" value="magnet:?xt=urn:btih:VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF"/>
            <torznab:attr name="imdbid" value="tt0039689"/>
            """, link: nil)
        let feed = try IndexerFeedParser.parse(Self.feed([full, magnetOnly]), indexer: "lantern", kind: .torznab)
        XCTAssertEqual(feed.itemCount, 2)
        XCTAssertEqual(feed.dropped, [])
        XCTAssertEqual(feed.total, 2)
        let r = feed.releases[0]
        XCTAssertEqual(r.indexer, "lantern")
        XCTAssertEqual(r.releaseProtocol, .torrent)
        XCTAssertEqual(r.size, 2_538_463_390, "the attribute wins over <size> and the enclosure")
        XCTAssertEqual(r.categories, [5000, 5040])
        XCTAssertEqual(r.seeders, 57)
        XCTAssertEqual(r.peers, 60)
        XCTAssertEqual(r.leechers, 3)
        XCTAssertEqual(r.infoHash, "63e07ff523710ca268567dad344ce1e0e6b7e8a3")
        XCTAssertNotNil(r.magnetURL)
        XCTAssertEqual(r.downloadURL, "http://127.0.0.1/dl/1.torrent")
        XCTAssertEqual(r.downloadVolumeFactor, 0)
        XCTAssertEqual(r.uploadVolumeFactor, 2)
        XCTAssertEqual(r.minimumRatio, 1)
        XCTAssertEqual(r.minimumSeedTime, 172_800)
        XCTAssertEqual(r.imdbId, "tt3032476")
        XCTAssertEqual(r.tvdbId, 273_181)
        XCTAssertEqual(r.grabs, 12)
        XCTAssertEqual(r.publishedAt, Date(timeIntervalSince1970: 1_426_367_442))
        XCTAssertTrue(r.downloadable)
        let m = feed.releases[1]
        XCTAssertEqual(m.infoHash, "VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF")
        XCTAssertNil(m.downloadURL)
        XCTAssertEqual(m.imdbId, "tt0039689")
        XCTAssertNil(m.size)
    }

    func testNewznabResultsAreUsenetAndNotDownloadable() throws {
        let nzb = Self.item("White.Collar.S03E05.720p.HDTV.X264-DIMENSION", """
            <enclosure url="http://127.0.0.1/getnzb/1.nzb&amp;i=7&amp;r=SECRET" length="1183105773" type="application/x-nzb"/>
            <newznab:attr name="category" value="5040"/>
            <newznab:attr name="size" value="1183105773"/>
            <newznab:attr name="usenetdate" value="Mon, 27 Feb 2012 11:09:39 -0500"/>
            """, link: "http://127.0.0.1/getnzb/1.nzb&amp;i=7&amp;r=SECRET")
        let feed = try IndexerFeedParser.parse(Self.feed([nzb]), indexer: "hydra", kind: .newznab)
        let r = try XCTUnwrap(feed.releases.first)
        XCTAssertEqual(r.releaseProtocol, .usenet)
        XCTAssertEqual(r.size, 1_183_105_773)
        XCTAssertFalse(r.downloadable)
        let decision = DecisionEngine().evaluate(r, context: .init(profile: .standard))
        XCTAssertEqual(decision.rejections.first?.spec, "downloadable")
        XCTAssertTrue(decision.rejections[0].reason.contains("usenet"), decision.rejections[0].reason)
        // Even a torznab indexer's item is usenet when its enclosure says so.
        XCTAssertEqual(try IndexerFeedParser.parse(Self.feed([nzb]), indexer: "x", kind: .torznab).releases[0].releaseProtocol, .usenet)
    }

    // MARK: Errors

    func testErrorCodesMapToClearMessages() throws {
        func parse(_ code: String, _ description: String) -> IndexerError? {
            let xml = "<?xml version=\"1.0\"?><error code=\"\(code)\" description=\"\(description)\"/>"
            do { _ = try IndexerFeedParser.parse(Data(xml.utf8), indexer: "lantern", kind: .torznab); return nil }
            catch { return error as? IndexerError }
        }
        XCTAssertEqual(parse("100", "Incorrect user credentials"), .badKey(code: 100, description: "Incorrect user credentials"))
        XCTAssertEqual(parse("101", "Account suspended"), .badKey(code: 101, description: "Account suspended"))
        XCTAssertEqual(parse("429", "Too many requests"), .limitReached(description: "Too many requests"))
        XCTAssertEqual(parse("500", "Request limit reached"), .limitReached(description: "Request limit reached"))
        XCTAssertEqual(parse("900", "Daily API limit reached"), .limitReached(description: "Daily API limit reached"))
        XCTAssertEqual(parse("910", "API disabled"), .apiDisabled(description: "API disabled"))
        XCTAssertEqual(parse("201", "Incorrect parameter"), .apiError(code: 201, description: "Incorrect parameter"))
        for e in [IndexerError.badKey(code: 100, description: "x"), .limitReached(description: "x"), .apiDisabled(description: "x"),
                  .apiError(code: 201, description: "x"), .htmlPage(title: "Login"), .malformed("x"), .tooLarge(limit: 1 << 20),
                  .timeout(seconds: 30), .http(status: 502), .network("refused"), .redirect("x")] {
            let message = e.message(indexer: "lantern")
            XCTAssertTrue(message.contains("lantern"), message)
            XCTAssertFalse(message.contains("\n"), message)
        }
        XCTAssertEqual(IndexerError.timeout(seconds: 30).engineError(indexer: "x").code, "timeout")
        XCTAssertEqual(IndexerError.limitReached(description: "").minimumBackOffSeconds, 3600)
        // An error description is hostile text: one line, bounded.
        let hostile = IndexerError.apiError(code: 1, description: "line1\nline2\u{1B}[31m" + String(repeating: "x", count: 500)).message(indexer: "a")
        XCTAssertFalse(hostile.contains("\n"))
        XCTAssertLessThan(hostile.count, 400)
    }

    func testHTMLPageInsteadOfXML() {
        let pages = ["<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>cf</body></html>",
                     "<html><head><title>Login</title></head><body><form></form></body></html>",
                     "  <!-- proxy --><HTML><BODY>502 Bad Gateway</BODY></HTML>"]
        for page in pages {
            XCTAssertThrowsError(try IndexerFeedParser.parse(Data(page.utf8), indexer: "lantern", kind: .torznab)) { error in
                guard case .htmlPage? = error as? IndexerError else { return XCTFail("\(error) for \(page)") }
                XCTAssertTrue((error as! IndexerError).message(indexer: "lantern").contains("sent an HTML page"))
            }
        }
        let titled = try? IndexerFeedParser.parse(Data(pages[0].utf8), indexer: "l", kind: .torznab)
        XCTAssertNil(titled)
        XCTAssertEqual(IndexerXML.htmlPage(Data(pages[1].utf8)), "Login")
    }

    func testEveryCredentialInAShownURLIsMasked() {
        let shown = HTTPFetcher.redacted("http://127.0.0.1:9117/dl/x/?jackett_apikey=s3cr3t&path=abc&file=Show.torrent")
        XCTAssertFalse(shown.contains("s3cr3t"), shown)
        XCTAssertTrue(shown.contains("path=abc") && shown.contains("file=Show.torrent"), shown)
        for name in ["apikey", "api_key", "passkey", "t_key", "token", "auth", "r", "uid", "sig"] {
            XCTAssertFalse(HTTPFetcher.redacted("https://x.test/a?\(name)=s3cr3t&q=1").contains("s3cr3t"), name)
        }
        XCTAssertEqual(HTTPFetcher.redacted("https://x.test/t/123"), "https://x.test/t/123", "no query, nothing to mask")
        XCTAssertEqual(HTTPFetcher.redacted("not a url"), "not a url")
    }

    func testEntityDeclarationsAreFoundAnywhereAndOnlyWhenWhole() {
        XCTAssertTrue(XMLTree.declaresEntities(Data("<!ENTITY".utf8)), "the whole document")
        XCTAssertTrue(XMLTree.declaresEntities(Data(("<a><b/><c>" + String(repeating: "<x/>", count: 500) + "</c><!ENTITY").utf8)), "at the very end")
        XCTAssertFalse(XMLTree.declaresEntities(Data("<!ENTIT".utf8)), "cut short")
        XCTAssertFalse(XMLTree.declaresEntities(Data("<rss><!-- ENTITY --><!ENTITy/></rss><".utf8)))
        XCTAssertFalse(XMLTree.declaresEntities(Data()))
        let slice = Data("xx<!ENTITY".utf8).dropFirst(2)
        XCTAssertTrue(XMLTree.declaresEntities(slice), "a slice of a larger buffer")
    }

    func testMalformedXMLAndOtherDocuments() {
        let cases: [(String, String)] = [
            ("<?xml version=\"1.0\"?><rss><channel><item><title>Cut", "not well-formed XML near line"),
            ("", "empty"),
            ("<?xml version=\"1.0\"?><feed><entry/></feed>", "not an RSS feed"),
            ("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>", "no <channel>"),
            ("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;\">]><rss>&b;</rss>", "entities"),
            ("{\"error\": \"json\"}", "not well-formed"),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try IndexerFeedParser.parse(Data(text.utf8), indexer: "lantern", kind: .torznab)) { error in
                guard case .malformed(let detail)? = error as? IndexerError else { return XCTFail("\(error) for \(text)") }
                XCTAssertTrue(detail.contains(expected), "\(detail) for \(text)")
            }
        }
        // UTF-16 with a lone surrogate: it cannot be decoded, so there is no line to name.
        var broken = Data([0xFF, 0xFE])
        broken.append("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss><channel><item><title>T</title></item></channel></rss>"
            .data(using: .utf16LittleEndian)!)
        broken.insert(contentsOf: [0x00, 0xD8], at: 40)
        XCTAssertThrowsError(try IndexerFeedParser.parse(broken, indexer: "lantern", kind: .torznab)) { error in
            guard case .malformed(let detail)? = error as? IndexerError else { return XCTFail("\(error)") }
            XCTAssertTrue(detail.contains("not well-formed XML at its start, or its bytes are not in the encoding it declares"), detail)
        }
    }

    func testInvalidMagnetsAndAbsurdSizesAreLeftOutWithReasons() throws {
        let badMagnetOnly = Self.item("Bad.Magnet.S01E01.720p.HDTV.x264-A", """
            <torznab:attr name="magneturl" value="magnet:?dn=no-hash-here"/>
            """, link: nil)
        let badMagnetWithLink = Self.item("Kept.S01E01.720p.HDTV.x264-A", """
            <torznab:attr name="magneturl" value="magnet:?xt=urn:btih:1234"/>
            """)
        let huge = Self.item("Huge.S01E01.720p.HDTV.x264-A", "<torznab:attr name=\"size\" value=\"99999999999999999999\"/>")
        let negative = Self.item("Negative.S01E01.720p.HDTV.x264-A", "<size>-5</size>")
        let tooBig = Self.item("TooBig.S01E01.720p.HDTV.x264-A", "<size>\(30 << 40)</size>")
        let noLink = Self.item("NoLink.S01E01.720p.HDTV.x264-A", "", link: nil)
        let noTitle = "<item><title>  </title><link>http://x/1</link></item>"
        let feed = try IndexerFeedParser.parse(Self.feed([badMagnetOnly, badMagnetWithLink, huge, negative, tooBig, noLink, noTitle]),
                                               indexer: "lantern", kind: .torznab)
        XCTAssertEqual(feed.itemCount, 7)
        XCTAssertEqual(feed.releases.map(\.title), ["Kept.S01E01.720p.HDTV.x264-A"])
        XCTAssertNil(feed.releases[0].magnetURL, "the invalid magnet is not kept")
        XCTAssertEqual(feed.dropped.count, 6)
        XCTAssertTrue(feed.dropped[0].contains("'Bad.Magnet.S01E01.720p.HDTV.x264-A': its magnet link names no valid info-hash"), feed.dropped[0])
        XCTAssertTrue(feed.dropped[1].contains("not a plausible number of bytes"), feed.dropped[1])
        XCTAssertTrue(feed.dropped[2].contains("'-5'"), feed.dropped[2])
        XCTAssertTrue(feed.dropped[3].contains("not a plausible"), feed.dropped[3])
        XCTAssertTrue(feed.dropped[4].contains("no download link"), feed.dropped[4])
        XCTAssertTrue(feed.dropped[5].contains("no title"), feed.dropped[5])
    }

    func testMagnetValidation() {
        XCTAssertEqual(MagnetLink.infoHash("magnet:?xt=urn:btih:63E07FF523710CA268567DAD344CE1E0E6B7E8A3&dn=x"), "63e07ff523710ca268567dad344ce1e0e6b7e8a3")
        XCTAssertEqual(MagnetLink.infoHash("magnet:?dn=x&xt=urn%3Abtih%3AVU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF"), "VU2QYN66WU7FTPXSG3TFDRXW6KTEBPBF")
        XCTAssertNotNil(MagnetLink.infoHash("magnet:?xt=urn:btmh:1220" + String(repeating: "ab", count: 32)))
        for bad in ["magnet:?xt=urn:btih:1234", "magnet:?dn=name", "http://x/?xt=urn:btih:" + String(repeating: "a", count: 40),
                    "magnet:?xt=urn:btih:" + String(repeating: "g", count: 40), "magnet:?xt=urn:btih:" + String(repeating: "1", count: 32)] {
            XCTAssertNil(MagnetLink.infoHash(bad), bad)
        }
        XCTAssertNil(MagnetLink.hexInfoHash("(removed)"))
    }

    func testDates() {
        let r = FeedDateReader()
        XCTAssertEqual(r.date("Sat, 14 Mar 2015 17:10:42 -0400"), Date(timeIntervalSince1970: 1_426_367_442))
        XCTAssertEqual(r.date("14 Mar 2015 21:10:42 +0000"), Date(timeIntervalSince1970: 1_426_367_442))
        XCTAssertEqual(r.date("Sat, 14 Mar 2015 21:10:42 GMT"), Date(timeIntervalSince1970: 1_426_367_442))
        XCTAssertEqual(r.date("Sat, 14 Mar 2015 21:10 +0000"), Date(timeIntervalSince1970: 1_426_367_400))
        XCTAssertEqual(r.date("2015-03-14T21:10:42Z"), Date(timeIntervalSince1970: 1_426_367_442))
        XCTAssertEqual(r.date("Thu, 29 Feb 2024 00:00:00 +0000"), Date(timeIntervalSince1970: 1_709_164_800))
        XCTAssertNil(r.date("yesterday"))
        XCTAssertNil(r.date("Sat, 41 Mar 2015 21:10:42 +0000"))
    }

    // MARK: Queries

    func testQueryUsesCapsAndFallsBack() throws {
        let caps = try IndexerCapsParser.parse(Data(Self.capsXML.utf8))
        let key = APIKey("k3y-s3cret")
        var tv = IndexerQuery(function: .tvsearch, text: "Harbor Lights+")
        tv.season = 2
        tv.episode = 5
        tv.tvdbId = 273_181
        tv.imdbId = "tt3032476"
        let url = IndexerQuery.url(base: "http://127.0.0.1:9696/1/api", items: tv.items(caps: caps, categories: [5040], apiKey: key))
        XCTAssertEqual(url, "http://127.0.0.1:9696/1/api?t=tvsearch&tvdbid=273181&season=2&ep=5&q=Harbor%20Lights%2B&cat=5040&extended=1&limit=50&apikey=k3y-s3cret")
        // No tv-search in caps: a text search with the numbering in q.
        var plain = caps
        plain.modes["tv-search"] = nil
        let fallback = IndexerQuery.url(base: "http://h/api", items: tv.items(caps: plain, categories: [], apiKey: key))
        XCTAssertTrue(fallback.hasPrefix("http://h/api?t=search&q=Harbor%20Lights%2B%20S02E05&extended=1"), fallback)
        // Movies: imdbid without its tt (the Newznab spelling); a limit above the caps' max is capped.
        var movie = IndexerQuery(function: .movie, text: "Copper Road")
        movie.imdbId = "tt0039689"
        movie.year = 2019
        movie.limit = 1000
        let m = IndexerQuery.url(base: "http://h/api", items: movie.items(caps: caps, categories: [2000], apiKey: key))
        XCTAssertTrue(m.contains("t=movie&imdbid=0039689&q=Copper%20Road%202019&cat=2000&extended=1&limit=100&apikey="), m)
        // Categories: the search's family when the indexer has none, the indexer's in that family, or none at all.
        XCTAssertEqual(tv.categories(configured: []), [5000])
        XCTAssertEqual(tv.categories(configured: [2000, 5040, 5045]), [5040, 5045])
        XCTAssertNil(tv.categories(configured: [2000, 2040]))
        XCTAssertEqual(IndexerQuery(function: .search).categories(configured: [2000]), [2000])
        // An existing query in the base URL is kept.
        XCTAssertEqual(IndexerQuery.url(base: "http://h/api?x=1", items: [("t", "caps")]), "http://h/api?x=1&t=caps")
    }

    func testEndpointNormalization() throws {
        var key = ""
        XCTAssertEqual(try AcquisitionService.endpoint("http://127.0.0.1:9696/1/", extractedKey: &key), "http://127.0.0.1:9696/1/api")
        XCTAssertEqual(try AcquisitionService.endpoint("https://h/api/v2.0/indexers/x/results/torznab/api", extractedKey: &key),
                       "https://h/api/v2.0/indexers/x/results/torznab/api")
        XCTAssertEqual(key, "")
        XCTAssertEqual(try AcquisitionService.endpoint("http://h:9117/api?t=caps&apikey=abcdef", extractedKey: &key), "http://h:9117/api")
        XCTAssertEqual(key, "abcdef")
        XCTAssertThrowsError(try AcquisitionService.endpoint("ftp://h/api", extractedKey: &key))
        XCTAssertThrowsError(try AcquisitionService.endpoint("not a url", extractedKey: &key))
        XCTAssertThrowsError(try AcquisitionService.checkName("two words"))
        XCTAssertEqual(try AcquisitionService.checkName(" lantern-1 "), "lantern-1")
    }

    // MARK: Secrecy

    func testAPIKeyIsMaskedEverywhere() throws {
        let secret = "9f8e7d6c5b4a39281706"
        let key = APIKey(secret)
        XCTAssertEqual("\(key)", APIKey.mask)
        XCTAssertFalse(String(reflecting: key).contains(secret))
        var dumped = ""
        dump(key, to: &dumped)
        XCTAssertFalse(dumped.contains(secret), dumped)
        XCTAssertEqual(key.scrub("bad key \(secret)!"), "bad key \(APIKey.mask)!")

        var record = IndexerRecord(name: "lantern", kind: .torznab, url: "http://h/api", apiKey: key)
        record.id = 3
        XCTAssertFalse("\(record)".contains(secret))
        var recordDump = ""
        dump(record, to: &recordDump)
        XCTAssertFalse(recordDump.contains(secret), recordDump)
        let summary = String(decoding: try JSONEncoder().encode(IndexerSummary(record, now: 0)), as: UTF8.self)
        XCTAssertFalse(summary.contains(secret), summary)
        XCTAssertTrue(summary.contains("\"api_key\":\"********\""), summary)

        // Download links from Prowlarr and Jackett carry the key; encoded for clients they are masked.
        var release = IndexerRelease(indexer: "lantern", releaseProtocol: .torrent, title: "X")
        release.downloadURL = "http://prowlarr:9696/1/download?apikey=\(secret)&link=abc"
        release.guid = "http://jackett/dl/x/?jackett_apikey=\(secret)&path=p"
        let json = String(decoding: try JSONEncoder().encode(release), as: UTF8.self)
        XCTAssertFalse(json.contains(secret), json)
        XCTAssertEqual(release.downloadURL?.contains(secret), true, "the engine keeps the real link for a grab")

        let client = IndexerClient(record: record, transport: StubTransport([:]))
        XCTAssertFalse(client.describe(IndexerQuery(function: .search, text: "x"), categories: []).contains(secret))

        // The key is in the database (and only there), and comes back whole.
        let dir = NSTemporaryDirectory() + "indexer-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "/db.sqlite")
        try store.pool.write { try record.insert($0) }
        let back = try store.pool.read { try IndexerRecord.fetchOne($0, key: record.id) }
        XCTAssertEqual(back?.apiKey.reveal, secret)
    }

    // MARK: Client, health and service (stub transport)

    func testClientMapsStatusesAndBodies() async throws {
        let record = IndexerRecord(name: "lantern", kind: .torznab, url: "http://h/api", apiKey: APIKey("key123"))
        func client(_ status: Int, _ body: String) -> IndexerClient {
            IndexerClient(record: record, transport: StubTransport(["": .init(status: status, body: Data(body.utf8))]))
        }
        await assertThrows(try await client(401, "Unauthorized").caps(), .badKey(code: 401, description: "HTTP 401"))
        await assertThrows(try await client(429, "slow down").caps(), .limitReached(description: "HTTP 429 Too Many Requests"))
        await assertThrows(try await client(502, "<html><title>Bad Gateway</title></html>").caps(), .http(status: 502))
        // An error status with a Newznab error body: the body says more.
        await assertThrows(try await client(400, "<error code=\"100\" description=\"Invalid API Key\"/>").caps(),
                           .badKey(code: 100, description: "Invalid API Key"))
        await assertThrows(try await client(200, "<html><head><title>Sign in</title></head></html>").caps(), .htmlPage(title: "Sign in"))
        let caps = try await client(200, Self.capsXML).caps()
        XCTAssertEqual(caps.limitMax, 100)
        // The transport's own failures, as HTTPFetcher words them.
        XCTAssertEqual(CurlIndexerTransport.classify("http://h/api?apikey=***: the answer is larger than 16.0 MiB", maxBytes: 16 << 20, timeoutSeconds: 30),
                       .tooLarge(limit: 16 << 20))
        XCTAssertEqual(CurlIndexerTransport.classify("http://h/api: Operation timed out after 30001 milliseconds", maxBytes: 1, timeoutSeconds: 30),
                       .timeout(seconds: 30))
        XCTAssertEqual(CurlIndexerTransport.classify("http://h/api?t=caps: Couldn't connect to server", maxBytes: 1, timeoutSeconds: 30),
                       .network("Couldn't connect to server"))
    }

    func testRealTransportSizeLimitAndTimeout() async throws {
        // A one-shot loopback server: a large answer, then one that never comes.
        let server = try LoopbackServer()
        defer { server.close() }
        let transport = CurlIndexerTransport()
        server.answer(Data("HTTP/1.1 200 OK\r\nContent-Length: 300000\r\n\r\n".utf8) + Data(repeating: 65, count: 300_000))
        do {
            _ = try await transport.get("http://127.0.0.1:\(server.port)/api?t=search&apikey=zzz", maxBytes: 100_000, timeoutSeconds: 10)
            XCTFail("no size limit")
        } catch let error as IndexerError {
            XCTAssertEqual(error, .tooLarge(limit: 100_000))
        }
        server.answer(nil)
        do {
            _ = try await transport.get("http://127.0.0.1:\(server.port)/api?t=search&apikey=zzz", maxBytes: 100_000, timeoutSeconds: 1)
            XCTFail("no timeout")
        } catch let error as IndexerError {
            XCTAssertEqual(error, .timeout(seconds: 1))
        }
    }

    func testBackOffEscalatesAndSuccessClears() {
        var r = IndexerRecord(name: "x", kind: .torznab, url: "http://h/api", apiKey: APIKey("secretkey"))
        IndexerHealth.recordFailure(&r, error: .timeout(seconds: 30), message: "m secretkey", now: 1000)
        XCTAssertEqual(r.backoffUntil, 1060)
        XCTAssertEqual(r.lastError, "m ********")
        IndexerHealth.recordFailure(&r, error: .timeout(seconds: 30), message: "m", now: 2000)
        XCTAssertEqual(r.backoffUntil, 2300)
        XCTAssertTrue(r.isBackingOff(now: 2299))
        XCTAssertFalse(r.isBackingOff(now: 2300))
        IndexerHealth.recordFailure(&r, error: .limitReached(description: ""), message: "m", now: 3000)
        XCTAssertEqual(r.backoffUntil, 3000 + 3600, "a used-up quota rests an hour at least")
        for _ in 0..<20 { IndexerHealth.recordFailure(&r, error: .http(status: 500), message: "m", now: 0) }
        XCTAssertEqual(r.backoffUntil, 86400, "a day at most")
        XCTAssertEqual(IndexerSummary(r, now: 10).status, "backoff")
        IndexerHealth.recordSuccess(&r, now: 5)
        XCTAssertEqual(r.failures, 0)
        XCTAssertNil(r.backoffUntil)
        XCTAssertNil(r.lastError)
        XCTAssertEqual(IndexerSummary(r, now: 10).status, "ok")
    }

    func testRateLimiterSpacesRequestsPerIndexer() async {
        let limiter = IndexerRateLimiter()
        let t0 = ContinuousClock.now
        let first = await limiter.reserve(indexer: 1, intervalMs: 150, now: t0)
        let other = await limiter.reserve(indexer: 2, intervalMs: 150, now: t0)
        XCTAssertEqual(first, t0)
        XCTAssertEqual(other, t0, "different indexers do not wait for each other")
        let second = await limiter.reserve(indexer: 1, intervalMs: 150, now: t0)
        let third = await limiter.reserve(indexer: 1, intervalMs: 150, now: t0 + .milliseconds(10))
        XCTAssertEqual(second, t0 + .milliseconds(150))
        XCTAssertEqual(third, t0 + .milliseconds(300), "the third request to one indexer waits two intervals")
        let later = await limiter.reserve(indexer: 1, intervalMs: 150, now: t0 + .seconds(5))
        XCTAssertEqual(later, t0 + .seconds(5), "an indexer at rest long enough is asked at once")
        await limiter.forget(1)
        let forgotten = await limiter.reserve(indexer: 1, intervalMs: 150, now: t0)
        XCTAssertEqual(forgotten, t0)
    }

    func testServiceSearchesInParallelWithPerIndexerOutcomes() async throws {
        let dir = NSTemporaryDirectory() + "acq-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "/db.sqlite")
        let logger = Logger(label: "test")
        let good = Self.feed([Self.item("Harbor.Lights.S02E05.1080p.WEB-DL.DDP5.1.H.264-KELP",
                                        "<size>2000000000</size><torznab:attr name=\"seeders\" value=\"40\"/>"),
                              Self.item("Harbor.Lights.S02E05.CAM.x264-BAD", "<size>800000000</size><torznab:attr name=\"seeders\" value=\"90\"/>")])
        let stub = StubTransport([
            "good/api?t=caps": .init(status: 200, body: Data(Self.capsXML.utf8)),
            "bad/api?t=caps": .init(status: 200, body: Data(Self.capsXML.utf8)),
            "good/api?t=tvsearch": .init(status: 200, body: good),
            "bad/api?t=tvsearch": .init(status: 200, body: Data("<error code=\"100\" description=\"Wrong key badbadbad\"/>".utf8)),
        ])
        let service = AcquisitionService(store: store, history: History(store: store, logger: logger), logger: logger, transport: stub)
        _ = try await service.addIndexer(.init(name: "good", url: "http://h/good/", kind: .torznab, apiKey: "goodgoodgood", minIntervalMs: 0), interface: nil)
        _ = try await service.addIndexer(.init(name: "bad", url: "http://h/bad", kind: .torznab, apiKey: "badbadbad", minIntervalMs: 0), interface: nil)
        // A failed add stores nothing.
        do {
            _ = try await service.addIndexer(.init(name: "gone", url: "http://h/gone", kind: .torznab, apiKey: "k1234"), interface: nil)
            XCTFail("added an indexer whose caps failed")
        } catch let error as EngineError {
            XCTAssertTrue(error.message.contains("indexer gone"), error.message)
        }
        let names = try await service.listIndexers().map(\.name).sorted()
        XCTAssertEqual(names, ["bad", "good"])

        var q = IndexerQuery(function: .tvsearch, text: "Harbor Lights")
        q.season = 2
        q.episode = 5
        let result = try await service.search(.init(query: q, type: .tv), interface: nil)
        XCTAssertEqual(result.profile, "default")
        let byName = Dictionary(uniqueKeysWithValues: result.outcomes.map { ($0.indexer, $0) })
        XCTAssertEqual(byName["good"]?.status, "ok")
        XCTAssertEqual(byName["good"]?.releases, 2)
        XCTAssertEqual(byName["good"]?.function, "tvsearch")
        XCTAssertEqual(byName["bad"]?.status, "failed")
        let message = try XCTUnwrap(byName["bad"]?.message)
        XCTAssertTrue(message.hasPrefix("indexer bad refused the API key (code 100"), message)
        XCTAssertFalse(message.contains("badbadbad"), "the key is scrubbed even when the indexer echoes it: \(message)")
        XCTAssertEqual(result.releases.map(\.accepted), [true, false])
        XCTAssertEqual(result.releases[1].rejections.first?.spec, "quality")

        // The failure is recorded: back-off visible, and the next search skips it.
        let bad = try await service.listIndexers().first { $0.name == "bad" }
        XCTAssertEqual(bad?.status, "backoff")
        XCTAssertNotNil(bad?.backoffUntil)
        let again = try await service.search(.init(query: q, type: .tv), interface: nil)
        XCTAssertEqual(again.outcomes.first { $0.indexer == "bad" }?.status, "skipped")
        XCTAssertEqual(stub.count(containing: "bad/api?t=tvsearch"), 1, "a resting indexer is not asked")
        // Enabling ends the rest.
        let enabled = try await service.setEnabled("bad", true)
        XCTAssertEqual(enabled.status, "ok")
        let rested = try await service.listIndexers().first { $0.name == "bad" }
        XCTAssertNil(rested?.backoffUntil)
    }

    private func assertThrows<T>(_ body: @autoclosure () async throws -> T, _ expected: IndexerError,
                                 file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await body()
            XCTFail("no error, expected \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual(error as? IndexerError, expected, file: file, line: line)
        }
    }
}

/// Answers by the first key contained in the URL ("" matches everything); counts requests.
final class StubTransport: IndexerTransport, @unchecked Sendable {
    private let answers: [String: HTTPFetcher.Response]
    private let lock = NSLock()
    private var requests: [String] = []

    init(_ answers: [String: HTTPFetcher.Response]) { self.answers = answers }

    func get(_ url: String, maxBytes: Int, timeoutSeconds: Int) async throws -> HTTPFetcher.Response {
        lock.withLock { requests.append(url) }
        let key = answers.keys.sorted { $0.count > $1.count }.first { $0.isEmpty || url.contains($0) }
        guard let key, let answer = answers[key] else { throw IndexerError.network("Couldn't connect to server") }
        return answer
    }

    func count(containing text: String) -> Int { lock.withLock { requests.filter { $0.contains(text) }.count } }
}

extension HTTPFetcher.Response {
    init(status: Int, body: Data) { self.init(status: status, body: body, redirect: nil, contentType: nil) }
}

/// A loopback TCP server that answers each connection with fixed bytes, or holds it open unanswered.
final class LoopbackServer: @unchecked Sendable {
    let port: Int
    private let fd: Int32
    private let lock = NSLock()
    private var reply: Data?
    private var held: [Int32] = []

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 8) == 0 else { throw XCTSkip("cannot listen on 127.0.0.1") }
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        port = Int(UInt16(bigEndian: addr.sin_port))
        start()
    }

    private func start() {
        let listener = fd
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(listener, nil, nil)
                if client < 0 { return }
                var buffer = [UInt8](repeating: 0, count: 4096)
                _ = read(client, &buffer, buffer.count)
                let answer = lock.withLock { reply }
                if let answer {
                    answer.withUnsafeBytes { raw in
                        var offset = 0
                        while offset < raw.count {
                            let n = send(client, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                            if n <= 0 { break }
                            offset += n
                        }
                    }
                    Foundation.close(client)
                } else {
                    lock.withLock { held.append(client) }
                }
            }
        }
    }

    func answer(_ data: Data?) { lock.withLock { reply = data } }

    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
        Foundation.close(fd)
        lock.withLock { held.forEach { Foundation.close($0) } }
    }
}
