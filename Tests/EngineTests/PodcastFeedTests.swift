@testable import Engine
import Foundation
import XCTest

/// RSS 2.0 + iTunes feeds, OPML lists and episode file names, from hand-written documents.
final class PodcastFeedTests: XCTestCase {
    let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
          <channel>
            <title>  Night   Shift Radio </title>
            <link>https://example.org/show</link>
            <itunes:author>Ada</itunes:author>
            <itunes:image href="https://example.org/art.jpg"/>
            <description><![CDATA[Late <b>night</b> talk]]></description>
            <item>
              <title>Older One</title>
              <guid isPermaLink="false">ep-1</guid>
              <pubDate>Fri, 05 Jan 2024 06:00:00 +0000</pubDate>
              <enclosure url="https://cdn.example.org/ep1.mp3" length="12345" type="audio/mpeg"/>
              <itunes:duration>1:02:03</itunes:duration>
              <itunes:episode>1</itunes:episode>
            </item>
            <item>
              <title><![CDATA[Newer: Two/Three]]></title>
              <pubDate>Sat, 10 Feb 2024 08:30:00 GMT</pubDate>
              <enclosure url="http://cdn.example.org/ep2.m4a?x=1" type="audio/mp4"/>
              <itunes:duration>754</itunes:duration>
            </item>
            <item>
              <title>Local file</title>
              <guid>ep-3</guid>
              <enclosure url="file:///etc/passwd" type="audio/mpeg"/>
            </item>
            <item>
              <title>No audio</title>
              <guid>ep-4</guid>
            </item>
          </channel>
        </rss>
        """

    func testParsesChannelItemsAndITunesTags() throws {
        let f = try PodcastFeed.parse(Data(feed.utf8), source: "test")
        XCTAssertEqual(f.title, "Night Shift Radio")
        XCTAssertEqual(f.author, "Ada")
        XCTAssertEqual(f.imageURL, "https://example.org/art.jpg")
        XCTAssertEqual(f.summary, "Late <b>night</b> talk")
        XCTAssertEqual(f.episodes.count, 4)
        // Newest first; undated items last.
        XCTAssertEqual(f.episodes[0].title, "Newer: Two/Three")
        XCTAssertEqual(f.episodes[0].guid, "http://cdn.example.org/ep2.m4a?x=1", "without a guid the enclosure URL identifies it")
        XCTAssertEqual(f.episodes[0].duration, 754)
        XCTAssertNil(f.episodes[0].enclosureProblem)
        XCTAssertEqual(f.episodes[1].guid, "ep-1")
        XCTAssertEqual(f.episodes[1].duration, 3723)
        XCTAssertEqual(f.episodes[1].enclosureLength, 12345)
        XCTAssertEqual(f.episodes[1].episode, 1)
        XCTAssertEqual(f.episodes[1].publishedAt, Date(timeIntervalSince1970: 1_704_434_400))
        let local = try XCTUnwrap(f.episodes.first { $0.guid == "ep-3" })
        XCTAssertTrue(local.enclosureProblem?.contains("not an http(s) URL") == true, "\(String(describing: local.enclosureProblem))")
        let silent = try XCTUnwrap(f.episodes.first { $0.guid == "ep-4" })
        XCTAssertNotNil(silent.enclosureProblem)
    }

    func testRefusesWhatIsNotAnRSSFeed() {
        func message(_ text: String) -> String {
            do { _ = try PodcastFeed.parse(Data(text.utf8), source: "the feed X"); return "parsed" } catch { return "\(error)" }
        }
        XCTAssertTrue(message("<!DOCTYPE html><html><body>Hi</body></html>").contains("is an HTML page, not an RSS feed"))
        XCTAssertTrue(message("  <html><head>").contains("HTML page"))
        XCTAssertTrue(message("").contains("is empty"))
        XCTAssertTrue(message("{\"json\": true}").contains("not XML"))
        XCTAssertTrue(message("<rss><channel><title>T</title><item></channel></rss>").contains("not well-formed XML"))
        XCTAssertTrue(message("<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title></feed>").contains("Atom feed"))
        XCTAssertTrue(message("<rss version=\"2.0\"><channel><item/></channel></rss>").contains("no channel <title>"))
        XCTAssertTrue(message("<rss version=\"2.0\"></rss>").contains("no RSS <channel>"))
        XCTAssertTrue(message("<svg><x/></svg>").contains("root <svg>"))
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><rss><channel><title>&b;</title></channel></rss>"
        XCTAssertTrue(message(laughs).contains("declares XML entities"), message(laughs))
        XCTAssertThrowsError(try OPMLDocument.parse(Data(laughs.utf8), source: "subs.opml"))
    }

    func testAFeedOverTenMegabytesIsReadWhole() throws {
        // libxml2 refuses one input over 10 MB unless it is fed in pieces, as XMLTree does.
        let notes = String(repeating: "A long episode description, as shows write them. ", count: 60)
        var items = ""
        for n in 0..<4000 {
            items += "<item><title>Episode \(n)</title><guid>g\(n)</guid><description>\(notes)</description>"
                + "<enclosure url=\"https://cdn.example.org/\(n).mp3\" type=\"audio/mpeg\"/></item>\n"
        }
        let xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big Show</title>\(items)</channel></rss>"
        XCTAssertGreaterThan(xml.utf8.count, 11_000_000)
        let f = try PodcastFeed.parse(Data(xml.utf8), source: "the feed X")
        XCTAssertEqual(f.title, "Big Show")
        XCTAssertEqual(f.episodes.count, 4000)
    }

    func testEntityDeclarationsAreRefusedInUTF16Too() {
        // The byte check for "<!ENTITY" cannot see UTF-16; libxml2 then expands nothing the
        // document declares, since the reader provides no entity callbacks.
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE rss [<!ENTITY a \"ha\">]><rss><channel><title>&a;</title></channel></rss>"
        var data = Data([0xFF, 0xFE])
        data.append(doc.data(using: .utf16LittleEndian)!)
        XCTAssertThrowsError(try PodcastFeed.parse(data, source: "the feed X")) { error in
            XCTAssertFalse("\(error)".contains("parsed"), "\(error)")
        }
    }

    func testDurationsAndDates() {
        XCTAssertEqual(PodcastFeed.duration("62:03"), 3723)
        XCTAssertEqual(PodcastFeed.duration("45"), 45)
        XCTAssertNil(PodcastFeed.duration("soon"))
        // Feeds write dates every which way; one reader takes them all.
        let dates = FeedDateReader()
        let morning = Date(timeIntervalSince1970: 1_704_434_400)   // 2024-01-05 06:00:00 UTC
        XCTAssertEqual(dates.date("5 Jan 2024 06:00:00 +0000"), morning)
        XCTAssertEqual(dates.date("Fri, 05 Jan 2024 07:00 +0100"), morning)
        XCTAssertEqual(dates.date("2024-01-05T06:00:00Z"), morning)
        XCTAssertEqual(dates.date("2024-01-05T06:00:00.000Z"), morning)
        XCTAssertEqual(dates.date("Fri, 5 Jan 2024"), Date(timeIntervalSince1970: 1_704_412_800))
        XCTAssertEqual(dates.date("2024-01-05"), Date(timeIntervalSince1970: 1_704_412_800))
        XCTAssertNil(dates.date("yesterday"))
    }

    func testOPMLListsFeedsAtAnyDepthOnce() throws {
        let text = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>subs</title></head><body>
              <outline text="News">
                <outline type="rss" text="One" xmlUrl="https://a.example/feed.xml"/>
                <outline type="rss" title="Two" xmlUrl="http://b.example/rss"/>
              </outline>
              <outline type="rss" text="One again" xmlUrl="https://a.example/feed.xml"/>
              <outline text="a folder without a feed"/>
            </body></opml>
            """
        let doc = try OPMLDocument.parse(Data(text.utf8), source: "subs.opml")
        XCTAssertEqual(doc.feeds, [.init(url: "https://a.example/feed.xml", title: "One"), .init(url: "http://b.example/rss", title: "Two")])
        XCTAssertThrowsError(try OPMLDocument.parse(Data("<rss><channel/></rss>".utf8), source: "x")) {
            XCTAssertTrue("\($0)".contains("is not OPML"))
        }
        XCTAssertThrowsError(try OPMLDocument.parse(Data("<opml><body></body></opml>".utf8), source: "x")) {
            XCTAssertTrue("\($0)".contains("lists no feed"))
        }
        XCTAssertThrowsError(try OPMLDocument.parse(Data("<opml><body>".utf8), source: "x")) {
            XCTAssertTrue("\($0)".contains("not well-formed"))
        }
    }

    func testEpisodeFileNamesStayOneSafeComponent() {
        let date = Date(timeIntervalSince1970: 1_704_434_400)
        XCTAssertEqual(PodcastNaming.fileName(title: "Newer: Two/Three", published: date, fallbackDate: date,
                                              enclosureURL: "https://x/ep.mp3?a=1", contentType: nil),
                       "2024-01-05 - Newer - Two-Three.mp3")
        let hostile = PodcastNaming.fileName(title: "../../etc/passwd\u{1B}[31m", published: nil, fallbackDate: date,
                                             enclosureURL: "https://x/download", contentType: "audio/x-m4a")
        XCTAssertFalse(hostile.contains("/"))
        XCTAssertFalse(hostile.contains("\u{1B}"))
        XCTAssertTrue(hostile.hasPrefix("2024-01-05 - "))
        XCTAssertTrue(hostile.hasSuffix(".m4a"))
        let long = PodcastNaming.fileName(title: String(repeating: "é", count: 400), published: date, fallbackDate: date,
                                          enclosureURL: "https://x/a.opus", contentType: nil)
        XCTAssertLessThanOrEqual(long.utf8.count, 255)
        XCTAssertTrue(long.hasSuffix(".opus"))
        XCTAssertEqual(PodcastNaming.folder("..."), "Podcast")
        XCTAssertEqual(PodcastNaming.folder("A/B: C"), "A-B - C")
    }

    func testEpisodesParseIntoPathClassifierFacts() throws {
        // The name written is the one the library reads back as series, air date and title.
        let name = PodcastNaming.fileName(title: "Stars Over Water", published: Date(timeIntervalSince1970: 1_704_434_400),
                                          fallbackDate: Date(), enclosureURL: "https://x/e.mp3", contentType: nil)
        let facts = PathClassifier.podcastEpisode(folders: ["Night Shift Radio"], stem: (name as NSString).deletingPathExtension)
        XCTAssertEqual(facts.series, "Night Shift Radio")
        XCTAssertEqual(facts.airDate, "2024-01-05")
        XCTAssertEqual(facts.title, "Stars Over Water")
    }
}
