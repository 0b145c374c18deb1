@testable import Engine
import Foundation
import XCTest

/// The in-process metadata readers on fixtures made at run time with real tools (zip, tar,
/// ffmpeg, exiftool), on hand-written PDF and MOBI bytes, and on hostile input: truncated,
/// random, lying about sizes, zip bombs, looping IFDs.
final class MetadataReaderTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "metadata-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    // MARK: - EPUB

    func testEPUB2WithCalibreSeriesISBNAndCover() throws {
        let path = try makeEPUB2()
        let book = try EPUBReader.read(path: path)
        XCTAssertEqual(book.format, "EPUB")
        XCTAssertEqual(book.title, "The Left Hand of Darkness")
        XCTAssertEqual(book.authors, ["Ursula K. Le Guin"])
        XCTAssertEqual(book.language, "en")
        XCTAssertEqual(book.isbn, "9780441478125")
        XCTAssertEqual(book.identifiers, ["urn:uuid:4f1c2b8e-0000-4000-8000-000000000001", "978-0-441-47812-5"])
        XCTAssertEqual(book.publisher, "Ace Books")
        XCTAssertEqual(book.date, "1969-03-01")
        XCTAssertEqual(book.description, "Genly Ai & the planet Winter.")
        XCTAssertEqual(book.series, "Hainish Cycle")
        XCTAssertEqual(book.seriesIndex, 4)
        XCTAssertTrue(book.hasCover)
        XCTAssertNil(book.pages)
    }

    func testEPUB3CollectionRefinesAndCoverImage() throws {
        let opf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:identifier id="pub-id">urn:isbn:9780765326355</dc:identifier>
                <dc:title id="t2">Book One of the Stormlight Archive</dc:title>
                <meta refines="#t2" property="title-type">subtitle</meta>
                <dc:title id="t1">The Way of Kings</dc:title>
                <meta refines="#t1" property="title-type">main</meta>
                <dc:creator id="c1">Brandon Sanderson</dc:creator>
                <meta refines="#c1" property="role" scheme="marc:relators">aut</meta>
                <dc:creator id="c2">Michael Whelan</dc:creator>
                <meta refines="#c2" property="role" scheme="marc:relators">ill</meta>
                <dc:language>en-US</dc:language>
                <dc:date>2010-08-31</dc:date>
                <meta property="belongs-to-collection" id="col">The Stormlight Archive</meta>
                <meta refines="#col" property="collection-type">series</meta>
                <meta refines="#col" property="group-position">1.5</meta>
                <meta property="dcterms:modified">2020-01-01T00:00:00Z</meta>
              </metadata>
              <manifest>
                <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
                <item id="c" href="../EPUB/img/cover.png" media-type="image/png" properties="cover-image"/>
              </manifest>
              <spine><itemref idref="nav"/></spine>
            </package>
            """
        let path = try makeEPUB(name: "kings.epub", opfPath: "EPUB/package.opf", opf: opf,
                                extra: ["EPUB/nav.xhtml": Data("<html/>".utf8), "EPUB/img/cover.png": try pngData()])
        let book = try EPUBReader.read(path: path)
        XCTAssertEqual(book.title, "The Way of Kings")
        XCTAssertEqual(book.authors, ["Brandon Sanderson"])
        XCTAssertEqual(book.language, "en-US")
        XCTAssertEqual(book.isbn, "9780765326355")
        XCTAssertEqual(book.series, "The Stormlight Archive")
        XCTAssertEqual(book.seriesIndex, 1.5)
        XCTAssertEqual(book.date, "2010-08-31")
        XCTAssertTrue(book.hasCover)
    }

    func testEPUBDanglingCoverAndBareISBN() throws {
        let opf = """
            <?xml version="1.0"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="2.0">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
                <dc:title>Dangling</dc:title><dc:identifier>0-306-40615-2</dc:identifier><dc:identifier>1234567890123</dc:identifier>
                <meta name="cover" content="cov"/>
              </metadata>
              <manifest><item id="cov" href="missing.jpg" media-type="image/jpeg"/></manifest>
            </package>
            """
        let book = try EPUBReader.read(path: try makeEPUB(name: "dangling.epub", opfPath: "content.opf", opf: opf))
        XCTAssertEqual(book.isbn, "0306406152", "a bare 10-digit value with a valid check digit is an ISBN")
        XCTAssertFalse(book.hasCover, "the cover file is not in the archive")
        XCTAssertEqual(book.authors, [])
    }

    func testEPUBBadInputs() throws {
        let random = dir + "/random.epub"
        try randomBytes(4096, seed: 7).write(to: URL(fileURLWithPath: random))
        assertThrows(.notRecognized) { _ = try EPUBReader.read(path: random) }

        let noContainer = dir + "/plain.epub"
        try write("hello", to: dir + "/plain/readme.txt")
        try tool(["zip", "-q", "-X", "-r", noContainer, "readme.txt"], cwd: dir + "/plain")
        assertThrows(.missing) { _ = try EPUBReader.read(path: noContainer) }

        let entity = """
            <?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <package><metadata><title>&b;</title></metadata></package>
            """
        assertThrows(.corrupt) { _ = try EPUBReader.read(path: try self.makeEPUB(name: "laughs.epub", opfPath: "c.opf", opf: entity)) }
        assertThrows(.unreadable) { _ = try EPUBReader.read(path: self.dir) }
    }

    func testEPUBWhoseOPFDeclaresFourGiB() throws {
        let path = try makeEPUB2()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(patchZipDeclaredSize(&bytes, entry: "OEBPS/content.opf", size: 0xFFFF_FFF0), 2, "local and central headers")
        let liar = dir + "/liar.epub"
        try Data(bytes).write(to: URL(fileURLWithPath: liar))

        let start = Date()
        assertThrows(.tooLarge) { _ = try EPUBReader.read(path: liar) }
        let archive = try ArchiveReader(path: liar)
        assertThrows(.tooLarge) { _ = try archive.read(named: "OEBPS/content.opf", maxBytes: 1 << 20) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    // MARK: - Archives and zip bombs

    func testArchiveReaderListsAndReadsCaseInsensitively() throws {
        try write("<x/>", to: dir + "/a/Folder/File.XML")
        try write("data", to: dir + "/a/other.bin")
        let path = dir + "/a.zip"
        try tool(["zip", "-q", "-X", "-r", path, "Folder", "other.bin"], cwd: dir + "/a")
        let archive = try ArchiveReader(path: path)
        XCTAssertEqual(archive.format, .zip)
        let entries = try archive.entries()
        XCTAssertEqual(Set(entries.filter { !$0.isDirectory }.map(\.name)), ["Folder/File.XML", "other.bin"])
        XCTAssertEqual(entries.first { $0.name == "other.bin" }?.size, 4)
        XCTAssertEqual(ArchiveReader.find("folder/file.xml", in: entries)?.name, "Folder/File.XML")
        XCTAssertEqual(try archive.read(named: "./folder/file.xml", maxBytes: 100), Array("<x/>".utf8))
        assertThrows(.missing) { _ = try archive.read(named: "nope", maxBytes: 100) }
        assertThrows(.tooLarge) { _ = try archive.read(named: "other.bin", maxBytes: 3) }

        let limited = try ArchiveReader(path: path, limits: ArchiveLimits(maxEntries: 1))
        assertThrows(.tooLarge) { _ = try limited.entries() }
    }

    func testZipBombFailsFastWithoutAllocating() throws {
        let zeros = dir + "/zeros.bin"
        _ = FileManager.default.createFile(atPath: zeros, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: zeros))
        let chunk = Data(count: 8 << 20)
        for _ in 0..<25 { handle.write(chunk) }  // 200 MiB
        try handle.close()
        let bomb = dir + "/bomb.cbz"
        try tool(["zip", "-q", "-X", "-9", bomb, "zeros.bin"], cwd: dir, timeout: 120)
        try FileManager.default.removeItem(atPath: zeros)
        let compressed = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: bomb)[.size] as? NSNumber).intValue
        XCTAssertLessThan(compressed, 1 << 20, "the fixture really is a bomb")

        let peakBefore = peakResidentBytes()
        let start = Date()
        assertThrows(.tooLarge) { _ = try ComicReader.read(path: bomb) }
        assertThrows(.tooLarge) { _ = try ArchiveReader(path: bomb).entries() }
        assertThrows(.tooLarge) { _ = try ArchiveReader(path: bomb).read(named: "zeros.bin", maxBytes: .max) }
        // With the size limits lifted, the ratio check still stops the decompression early.
        let lax = ArchiveLimits(maxBytesPerRead: 1 << 30, maxTotalUncompressedBytes: 1 << 40, maxCompressionRatio: 200, ratioSlackBytes: 4 << 20)
        assertThrows(.tooLarge) { _ = try ArchiveReader(path: bomb, limits: lax).read(named: "zeros.bin", maxBytes: .max) }
        XCTAssertLessThan(Date().timeIntervalSince(start), 3, "a bomb must fail fast")
        XCTAssertLessThan(peakResidentBytes() - peakBefore, 64 << 20, "a bomb must not be decompressed into memory")
    }

    // MARK: - Comics

    func testCBZWithComicInfoAndImagePages() throws {
        let png = try pngData()
        let info = """
            <?xml version="1.0" encoding="utf-8"?>
            <ComicInfo xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <Title>Chapter One</Title><Series>Saga</Series><Number>001</Number><Volume>1</Volume>
              <Year>2012</Year><Writer>Brian K. Vaughan</Writer><LanguageISO>en</LanguageISO>
              <Summary>War &amp; wings.</Summary>
            </ComicInfo>
            """
        let files: [String: Data] = ["comicinfo.XML": Data(info.utf8), "p1.png": png, "p2.PNG": png, "sub/p3.jpg": png,
                                     "notes.txt": Data("x".utf8), "__MACOSX/._p1.png": Data("junk".utf8)]
        // Named .cbr on purpose: the format comes from the bytes.
        let path = try makeZip(name: "saga.cbr", files: files)
        let comic = try ComicReader.read(path: path)
        XCTAssertEqual(comic, ComicMetadata(series: "Saga", number: "1", volume: 1, title: "Chapter One", writer: "Brian K. Vaughan",
                                            year: 2012, pages: 3, format: "CBZ", languageISO: "en", summary: "War & wings."))
    }

    func testComicInfoOneFolderDownWithPageCountAndTar() throws {
        let info = "<ComicInfo><Series>Monstress</Series><Number>12.50</Number><PageCount>24</PageCount></ComicInfo>"
        try write(info, to: dir + "/t/Monstress 012/ComicInfo.xml")
        try pngData().write(to: URL(fileURLWithPath: dir + "/t/Monstress 012/01.png"))
        let path = dir + "/monstress.cbt"
        try tool(["tar", "-cf", path, "Monstress 012"], cwd: dir + "/t")
        let comic = try ComicReader.read(path: path)
        XCTAssertEqual(comic.format, "CBT")
        XCTAssertEqual(comic.series, "Monstress")
        XCTAssertEqual(comic.number, "12.5")
        XCTAssertEqual(comic.pages, 24)
    }

    func testCBZWithoutOrWithBrokenComicInfoStillCountsPages() throws {
        let png = try pngData()
        let broken = try makeZip(name: "broken.cbz", files: ["ComicInfo.xml": Data("<ComicInfo><Series>".utf8), "a.webp": png, "b.avif": png])
        XCTAssertEqual(try ComicReader.read(path: broken), ComicMetadata(pages: 2, format: "CBZ"))
    }

    func testCB7() throws {
        guard let sevenZip = ["7z", "7za", "7zr"].first(where: { Self.which($0) != nil }) else { throw XCTSkip("no 7z tool installed") }
        let info = "<ComicInfo><Series>Akira</Series><Number>3</Number></ComicInfo>"
        try write(info, to: dir + "/s/ComicInfo.xml")
        try pngData().write(to: URL(fileURLWithPath: dir + "/s/01.png"))
        let path = dir + "/akira.cbz"
        try tool([sevenZip, "a", "-t7z", "-bd", path, "ComicInfo.xml", "01.png"], cwd: dir + "/s")
        let comic = try ComicReader.read(path: path)
        XCTAssertEqual(comic.format, "CB7")
        XCTAssertEqual(comic.series, "Akira")
        XCTAssertEqual(comic.pages, 1)
    }

    // MARK: - Photos

    func testJPEGWithExiftoolEXIF() throws {
        let path = dir + "/photo.jpg"
        try tool(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=red:s=64x48", "-frames:v", "1", path])
        try tool(["exiftool", "-q", "-overwrite_original", "-DateTimeOriginal=2019:07:14 18:30:05", "-Make=Canon", "-Model=Canon EOS R5",
                  "-GPSLatitude=48.8584", "-GPSLatitudeRef=N", "-GPSLongitude=2.2945", "-GPSLongitudeRef=E", "-Orientation#=6", path])
        let photo = try PhotoReader.read(path: path)
        XCTAssertEqual(photo.format, "JPEG")
        XCTAssertEqual(photo.width, 64)
        XCTAssertEqual(photo.height, 48)
        XCTAssertEqual(photo.takenAt, "2019-07-14T18:30:05")
        XCTAssertEqual(photo.camera, "Canon EOS R5")
        XCTAssertEqual(photo.orientation, 6)
        XCTAssertEqual(try XCTUnwrap(photo.latitude), 48.8584, accuracy: 1e-4)
        XCTAssertEqual(try XCTUnwrap(photo.longitude), 2.2945, accuracy: 1e-4)
    }

    func testPNGWithEXIFOffsetAndSouthernHemisphere() throws {
        let path = dir + "/photo.png"
        try pngData(size: "40x30").write(to: URL(fileURLWithPath: path))
        try tool(["exiftool", "-q", "-overwrite_original", "-DateTimeOriginal=2021:01:02 03:04:05", "-OffsetTimeOriginal=-03:00",
                  "-Make=NIKON CORPORATION", "-Model=NIKON D750", "-GPSLatitude=33.8688", "-GPSLatitudeRef=S",
                  "-GPSLongitude=70.6693", "-GPSLongitudeRef=W", path])
        let photo = try PhotoReader.read(path: path)
        XCTAssertEqual(photo.format, "PNG")
        XCTAssertEqual(photo.width, 40)
        XCTAssertEqual(photo.height, 30)
        XCTAssertEqual(photo.takenAt, "2021-01-02T03:04:05-03:00")
        XCTAssertEqual(photo.camera, "NIKON D750")
        XCTAssertEqual(try XCTUnwrap(photo.latitude), -33.8688, accuracy: 1e-4)
        XCTAssertEqual(try XCTUnwrap(photo.longitude), -70.6693, accuracy: 1e-4)
    }

    func testPhotoWithoutEXIFKeepsSizeAndFormat() throws {
        let path = dir + "/plain.png"
        try pngData(size: "8x8").write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try PhotoReader.read(path: path), PhotoMetadata(width: 8, height: 8, format: "PNG"))
    }

    func testWebPTIFFDNGAndAVIF() throws {
        let webp = dir + "/a.webp", tiff = dir + "/a.tiff", dng = dir + "/b.dng", avif = dir + "/a.avif"
        try tool(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=blue:s=30x20", "-frames:v", "1", webp])
        try tool(["exiftool", "-q", "-overwrite_original", "-Make=Fujifilm", "-Model=X-T4", webp])
        let w = try PhotoReader.read(path: webp)
        XCTAssertEqual([w.format, w.camera], ["WebP", "Fujifilm X-T4"])
        XCTAssertEqual([w.width, w.height], [30, 20])

        try tool(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=blue:s=30x20", "-frames:v", "1", tiff])
        try tool(["exiftool", "-q", "-overwrite_original", "-Make=Nikon", "-DateTimeOriginal=2020:02:02 02:02:02", tiff])
        let t = try PhotoReader.read(path: tiff)
        XCTAssertEqual(t, PhotoMetadata(width: 30, height: 20, takenAt: "2020-02-02T02:02:02", camera: "Nikon", format: "TIFF"))

        try FileManager.default.copyItem(atPath: tiff, toPath: dng)
        try tool(["exiftool", "-q", "-overwrite_original", "-DNGVersion=1.4.0.0", dng])
        XCTAssertEqual(try PhotoReader.read(path: dng).format, "DNG")

        try tool(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=blue:s=64x32", "-frames:v", "1", "-c:v", "libaom-av1",
                  "-cpu-used", "8", "-still-picture", "1", avif], allowFailure: true)
        guard FileManager.default.fileExists(atPath: avif) else { throw XCTSkip("ffmpeg has no AV1 encoder for the AVIF fixture") }
        try tool(["exiftool", "-q", "-overwrite_original", "-Make=Apple", "-Model=iPhone 15", "-DateTimeOriginal=2024:05:06 07:08:09", avif])
        let a = try PhotoReader.read(path: avif)
        XCTAssertEqual(a, PhotoMetadata(width: 64, height: 32, takenAt: "2024-05-06T07:08:09", camera: "Apple iPhone 15", format: "AVIF"))
    }

    func testPhotoBadInputs() throws {
        let jpeg = dir + "/full.jpg"
        try tool(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=red:s=64x48", "-frames:v", "1", jpeg])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: jpeg))
        let truncated = dir + "/truncated.jpg"
        try bytes.prefix(24).write(to: URL(fileURLWithPath: truncated))
        assertThrows(.truncated) { _ = try PhotoReader.read(path: truncated) }

        let random = dir + "/random.jpg"
        try randomBytes(2048, seed: 3).write(to: URL(fileURLWithPath: random))
        assertThrows(.notRecognized) { _ = try PhotoReader.read(path: random) }

        let tiny = dir + "/tiny.png"
        try Data([0x89, 0x50]).write(to: URL(fileURLWithPath: tiny))
        assertThrows(.truncated) { _ = try PhotoReader.read(path: tiny) }
    }

    /// IFD0 points at itself as its next IFD and as its EXIF IFD: libexif must not loop.
    func testTIFFWithLoopingIFDChain() throws {
        var t: [UInt8] = Array("II".utf8) + [0x2A, 0, 8, 0, 0, 0]
        func entry(_ tag: UInt16, _ type: UInt16, _ count: UInt32, _ value: UInt32) -> [UInt8] {
            le16(tag) + le16(type) + le32(count) + le32(value)
        }
        t += le16(4)
        t += entry(0x0100, 3, 1, 10) + entry(0x0101, 3, 1, 20) + entry(0x010F, 2, 4, 0x004E_494E) + entry(0x8769, 4, 1, 8)
        t += le32(8)  // next IFD: itself
        let path = dir + "/loop.tif"
        try Data(t).write(to: URL(fileURLWithPath: path))
        let start = Date()
        let photo = try PhotoReader.read(path: path)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2)
        XCTAssertEqual(photo.format, "TIFF")
        XCTAssertEqual(photo.camera, "NIN")
        XCTAssertEqual([photo.width, photo.height], [10, 20])
    }

    // MARK: - PDF

    func testPDFInfoUTF16TitleEscapesAndPageTree() throws {
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>",
            "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
            "<< /Title (\\376\\377\\000C\\000a\\000f\\000\\351\\000 \\330\\075\\336\\000) /Author (Ann \\(Ed.\\) Smith; Bob\\\nJones)"
                + " /Subject <48656C6C6F2C20776F726C64> /Producer (seedtui tests) /CreationDate (D:20190714183005+02'00') >>",
        ]
        let path = dir + "/book.pdf"
        try Data(makePDF(objects: objects, trailer: "/Root 1 0 R /Info 5 0 R")).write(to: URL(fileURLWithPath: path))
        let book = try PDFReader.read(path: path)
        XCTAssertEqual(book.format, "PDF")
        XCTAssertEqual(book.title, "Café 😀")
        XCTAssertEqual(book.authors, ["Ann (Ed.) Smith", "BobJones"])
        XCTAssertEqual(book.description, "Hello, world")
        XCTAssertEqual(book.date, "2019-07-14T18:30:05+02:00")
        XCTAssertEqual(book.language, "en-GB")
        XCTAssertEqual(book.pages, 2)
        XCTAssertFalse(book.hasCover)
    }

    /// A PDF 1.5 layout: no `trailer` keyword, the catalog "inside an object stream", the
    /// title and authors only in XMP. The page count falls back to the largest Pages /Count.
    func testPDFWithXrefStreamFallsBackToPagesScanAndXMP() throws {
        let xmp = """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Streams &amp; Things</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>Ada Lovelace</rdf:li><rdf:li>Charles Babbage</rdf:li></rdf:Seq></dc:creator>
            </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>
            """
        var pdf = "%PDF-1.5\n%\u{e2}\u{e3}\n"
        pdf += "2 0 obj\n<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 5 >>\nendobj\n"
        pdf += "3 0 obj\n<< /Type/Pages /Parent 2 0 R /Kids [] /Count 3 >>\nendobj\n"
        pdf += "4 0 obj\n<< /Type /Metadata /Subtype /XML /Length \(xmp.utf8.count) >>\nstream\n\(xmp)\nendstream\nendobj\n"
        pdf += "7 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length 5 >>\nstream\nxxxxx\nendstream\nendobj\n"
        let xrefAt = pdf.utf8.count
        pdf += "8 0 obj\n<< /Type /XRef /Size 9 /W [1 2 1] /Root 1 0 R /Length 0 >>\nstream\n\nendstream\nendobj\n"
        pdf += "startxref\n\(xrefAt)\n%%EOF\n"
        let path = dir + "/streams.pdf"
        try Data(pdf.utf8).write(to: URL(fileURLWithPath: path))
        let book = try PDFReader.read(path: path)
        XCTAssertEqual(book.pages, 5)
        XCTAssertEqual(book.title, "Streams & Things")
        XCTAssertEqual(book.authors, ["Ada Lovelace", "Charles Babbage"])
    }

    /// Objects beyond the first and last MiB are fetched through the xref table.
    func testLargePDFResolvesObjectsThroughXref() throws {
        let filler = "<< /Length 3000000 >>\nstream\n" + String(repeating: "q 1 0 0 1 0 0 cm Q\n", count: 3_000_000 / 19) + "\nendstream"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            filler,
            "<< /Title (Middle) /Author (Far Away) >>",
            filler,
        ]
        let path = dir + "/large.pdf"
        try Data(makePDF(objects: objects, trailer: "/Root 1 0 R /Info 4 0 R")).write(to: URL(fileURLWithPath: path))
        let book = try PDFReader.read(path: path)
        XCTAssertEqual(book.title, "Middle")
        XCTAssertEqual(book.authors, ["Far Away"])
        XCTAssertEqual(book.pages, 1)
    }

    func testPDFBadInputs() throws {
        let good = makePDF(objects: ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"], trailer: "/Root 1 0 R")
        var text = String(decoding: good, as: UTF8.self)
        let range = try XCTUnwrap(text.range(of: "startxref\n"))
        let end = try XCTUnwrap(text[range.upperBound...].firstIndex(of: "\n"))
        text.replaceSubrange(range.upperBound..<end, with: "987654321")
        let outside = dir + "/outside.pdf"
        try Data(text.utf8).write(to: URL(fileURLWithPath: outside))
        assertThrows(.corrupt) { _ = try PDFReader.read(path: outside) }

        let cut = dir + "/cut.pdf"
        try Data(good.prefix(good.count / 2)).write(to: URL(fileURLWithPath: cut))
        assertThrows(.truncated) { _ = try PDFReader.read(path: cut) }

        let notPDF = dir + "/not.pdf"
        try randomBytes(3000, seed: 11).write(to: URL(fileURLWithPath: notPDF))
        assertThrows(.notRecognized) { _ = try PDFReader.read(path: notPDF) }

        // A page tree that refers to itself and an Info that is a reference loop still end.
        let loop = makePDF(objects: ["<< /Type /Catalog /Pages 1 0 R >>", "2 0 R"], trailer: "/Root 1 0 R /Info 2 0 R")
        let loopPath = dir + "/loop.pdf"
        try Data(loop).write(to: URL(fileURLWithPath: loopPath))
        let book = try PDFReader.read(path: loopPath)
        XCTAssertNil(book.title)
        XCTAssertNil(book.pages)
    }

    func testPDFDates() {
        XCTAssertEqual(PDFText.isoDate("D:2019"), "2019")
        XCTAssertEqual(PDFText.isoDate("D:20190714"), "2019-07-14")
        XCTAssertEqual(PDFText.isoDate("D:20190714183005Z"), "2019-07-14T18:30:05Z")
        XCTAssertEqual(PDFText.isoDate("D:201907141830-05'30"), "2019-07-14T18:30:00-05:30")
        XCTAssertNil(PDFText.isoDate("yesterday"))
    }

    // MARK: - MOBI

    func testMOBIWithEXTH() throws {
        let path = dir + "/book.mobi"
        let exth: [(Int, String)] = [(100, "Frank Herbert"), (100, "Brian Herbert"), (101, "Chilton"), (103, "Spice."),
                                     (104, "978-0-441-17271-9"), (106, "1965-08-01"), (503, "Dune (Updated)"), (524, "en"), (201, "\0\0\0\0")]
        try Data(makeMOBI(version: 6, encoding: 65001, fullName: "Dune", exth: exth)).write(to: URL(fileURLWithPath: path))
        let book = try MOBIReader.read(path: path)
        XCTAssertEqual(book, BookMetadata(title: "Dune (Updated)", authors: ["Frank Herbert", "Brian Herbert"], language: "en",
                                          identifiers: ["978-0-441-17271-9"], isbn: "9780441172719", publisher: "Chilton",
                                          date: "1965-08-01", description: "Spice.", hasCover: true, format: "MOBI"))
    }

    func testAZW3ByVersionAndByKF8Boundary() throws {
        let kf8 = dir + "/kf8.azw3"
        try Data(makeMOBI(version: 8, encoding: 65001, fullName: "Eight", exth: [])).write(to: URL(fileURLWithPath: kf8))
        XCTAssertEqual(try MOBIReader.read(path: kf8).format, "AZW3")
        XCTAssertEqual(try MOBIReader.read(path: kf8).title, "Eight")

        let combo = dir + "/combo.mobi"
        let boundary = String(decoding: [0, 0, 0, 9], as: UTF8.self)
        try Data(makeMOBI(version: 6, encoding: 1252, fullName: "Caf\u{e9}", exth: [(121, boundary)])).write(to: URL(fileURLWithPath: combo))
        let book = try MOBIReader.read(path: combo)
        XCTAssertEqual(book.format, "AZW3")
        XCTAssertEqual(book.title, "Café", "CP1252 full name")
    }

    func testMOBIBadInputs() throws {
        let good = makeMOBI(version: 6, encoding: 65001, fullName: "Dune", exth: [(100, "A")])
        let cut = dir + "/cut.mobi"
        try Data(good.prefix(50)).write(to: URL(fileURLWithPath: cut))
        assertThrows(.truncated) { _ = try MOBIReader.read(path: cut) }

        var wild = good
        wild.replaceSubrange(78..<82, with: [0x7F, 0xFF, 0xFF, 0xFF])  // record 0 far past the end
        let wildPath = dir + "/wild.mobi"
        try Data(wild).write(to: URL(fileURLWithPath: wildPath))
        assertThrows(.corrupt) { _ = try MOBIReader.read(path: wildPath) }

        let pdb = dir + "/palm.pdb"
        var palm = good
        palm.replaceSubrange(60..<68, with: Array("TEXtREAd".utf8))
        try Data(palm).write(to: URL(fileURLWithPath: pdb))
        assertThrows(.notRecognized) { _ = try MOBIReader.read(path: pdb) }
    }

    // MARK: - Video sidecar

    func testYtDlpInfoJSON() throws {
        let path = dir + "/v.info.json"
        let json = """
            {"id": "dQw4w9WgXcQ", "title": "Never", "channel": "Rick", "uploader": "RickVEVO", "upload_date": "20091025",
             "duration": 212.5, "webpage_url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "formats": [{"a": 1}]}
            """
        try write(json, to: path)
        XCTAssertEqual(try VideoSidecar.read(path: path),
                       VideoSidecar(id: "dQw4w9WgXcQ", title: "Never", channel: "Rick", uploader: "RickVEVO", uploadDate: "2009-10-25",
                                    duration: 212.5, webpageURL: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"))

        try write(#"{"id": 12345, "duration": "61", "upload_date": "bad"}"#, to: path)
        XCTAssertEqual(try VideoSidecar.read(path: path), VideoSidecar(id: "12345", duration: 61))

        try write("[1, 2, 3]", to: path)
        assertThrows(.corrupt) { _ = try VideoSidecar.read(path: path) }

        let huge = dir + "/huge.info.json"
        _ = FileManager.default.createFile(atPath: huge, contents: nil)
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: huge))
        try handle.truncate(atOffset: 33 << 20)
        try handle.close()
        assertThrows(.tooLarge) { _ = try VideoSidecar.read(path: huge) }
    }

    // MARK: - Hostile mutations

    /// Every reader, on truncations and byte flips of valid fixtures, either returns or throws
    /// a `MetadataError`, and quickly: no crash, no hang, no other error type.
    func testMutatedFixturesNeverCrashOrHang() throws {
        let jpeg = dir + "/m.jpg"
        try tool(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=red:s=16x16", "-frames:v", "1", jpeg])
        try tool(["exiftool", "-q", "-overwrite_original", "-Make=Canon", "-Model=X", "-GPSLatitude=1", "-GPSLatitudeRef=N", jpeg])
        let png = dir + "/m.png"
        try pngData(size: "8x8").write(to: URL(fileURLWithPath: png))
        try tool(["exiftool", "-q", "-overwrite_original", "-Make=Canon", png])
        let cbz = try makeZip(name: "m.cbz", files: ["ComicInfo.xml": Data("<ComicInfo><Series>S</Series></ComicInfo>".utf8), "1.png": try pngData()])
        let fixtures: [(String, [UInt8], (String) throws -> Void)] = [
            ("epub", Array(try Data(contentsOf: URL(fileURLWithPath: try makeEPUB2()))), { _ = try EPUBReader.read(path: $0) }),
            ("cbz", Array(try Data(contentsOf: URL(fileURLWithPath: cbz))), { _ = try ComicReader.read(path: $0) }),
            ("jpg", Array(try Data(contentsOf: URL(fileURLWithPath: jpeg))), { _ = try PhotoReader.read(path: $0) }),
            ("png", Array(try Data(contentsOf: URL(fileURLWithPath: png))), { _ = try PhotoReader.read(path: $0) }),
            ("pdf", makePDF(objects: ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Count 3 >>", "<< /Title (T) >>"], trailer: "/Root 1 0 R /Info 3 0 R"),
             { _ = try PDFReader.read(path: $0) }),
            ("mobi", makeMOBI(version: 6, encoding: 65001, fullName: "N", exth: [(100, "A"), (104, "0306406152")]), { _ = try MOBIReader.read(path: $0) }),
        ]
        var generator = SplitMix(seed: 42)
        let start = Date()
        for (ext, original, read) in fixtures {
            let path = dir + "/mutant.\(ext)"
            var variants: [[UInt8]] = stride(from: 0, to: original.count, by: max(1, original.count / 40)).map { Array(original.prefix($0)) }
            for _ in 0..<150 {
                var copy = original
                for _ in 0..<(1 + Int(generator.next() % 4)) {
                    let at = Int(generator.next() % UInt64(copy.count))
                    copy[at] = generator.next() % 3 == 0 ? 0xFF : UInt8(truncatingIfNeeded: generator.next())
                }
                variants.append(copy)
            }
            for variant in variants {
                try Data(variant).write(to: URL(fileURLWithPath: path))
                do { try read(path) } catch is MetadataError {} catch { XCTFail("\(ext): \(type(of: error)) \(error)") }
            }
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 60)
    }

    // MARK: - Fixture builders

    private func makeEPUB2() throws -> String {
        let opf = """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
              <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
                <dc:title>The Left Hand of Darkness</dc:title>
                <dc:creator opf:role="aut" opf:file-as="Le Guin, Ursula K.">Ursula K. Le Guin</dc:creator>
                <dc:creator opf:role="ill">Some Illustrator</dc:creator>
                <dc:language>en</dc:language>
                <dc:identifier id="uid" opf:scheme="uuid">urn:uuid:4f1c2b8e-0000-4000-8000-000000000001</dc:identifier>
                <dc:identifier opf:scheme="ISBN">978-0-441-47812-5</dc:identifier>
                <dc:publisher>Ace Books</dc:publisher>
                <dc:date opf:event="modification">2011-01-01</dc:date>
                <dc:date opf:event="publication">1969-03-01</dc:date>
                <dc:description>Genly Ai &amp; the planet Winter.</dc:description>
                <meta name="calibre:series" content="Hainish Cycle"/>
                <meta name="calibre:series_index" content="4.0"/>
                <meta name="cover" content="cover-img"/>
              </metadata>
              <manifest>
                <item id="cover-img" href="images/cover%20art.png" media-type="image/png"/>
                <item id="ch1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
              </manifest>
              <spine><itemref idref="ch1"/></spine>
            </package>
            """
        return try makeEPUB(name: "darkness.epub", opfPath: "OEBPS/content.opf", opf: opf,
                            extra: ["OEBPS/images/cover art.png": try pngData(), "OEBPS/text/ch1.xhtml": Data("<html/>".utf8)])
    }

    /// An EPUB made by the `zip` tool: `mimetype` first and stored, then the rest.
    private func makeEPUB(name: String, opfPath: String, opf: String, extra: [String: Data] = [:]) throws -> String {
        let root = dir + "/src-\(name)"
        try write("application/epub+zip", to: root + "/mimetype")
        try write("""
            <?xml version="1.0"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
              <rootfiles><rootfile full-path="\(opfPath)" media-type="application/oebps-package+xml"/></rootfiles>
            </container>
            """, to: root + "/META-INF/container.xml")
        try write(opf, to: root + "/" + opfPath)
        for (file, data) in extra {
            try FileManager.default.createDirectory(atPath: (root + "/" + file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: root + "/" + file))
        }
        let path = dir + "/" + name
        try tool(["zip", "-q", "-X", "-0", path, "mimetype"], cwd: root)
        let rest = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0 != "mimetype" }.sorted()
        try tool(["zip", "-q", "-X", "-r", path] + rest, cwd: root)
        return path
    }

    private func makeZip(name: String, files: [String: Data]) throws -> String {
        let root = dir + "/zip-\(name)"
        for (file, data) in files {
            try FileManager.default.createDirectory(atPath: (root + "/" + file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: root + "/" + file))
        }
        let path = dir + "/" + name
        try tool(["zip", "-q", "-X", "-r", path] + files.keys.sorted(), cwd: root)
        return path
    }

    private func pngData(size: String = "8x8") throws -> Data {
        let path = dir + "/gen-\(size)-\(UUID().uuidString.prefix(6)).png"
        try tool(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "color=red:s=\(size)", "-frames:v", "1", path])
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    /// A classic PDF with a correct xref table; objects are numbered from 1.
    private func makePDF(objects: [String], trailer: String) -> [UInt8] {
        var out = Array("%PDF-1.4\n%\u{e2}\u{e3}\u{cf}\u{d3}\n".utf8)
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(out.count)
            out += Array("\(i + 1) 0 obj\n\(body)\nendobj\n".utf8)
        }
        let xref = out.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        table += "trailer\n<< /Size \(objects.count + 1) \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n"
        return out + Array(table.utf8)
    }

    /// A PalmDB `BOOKMOBI` file: header, two records, record 0 with PalmDOC, MOBI and EXTH headers.
    private func makeMOBI(version: UInt32, encoding: UInt32, fullName: String, exth: [(Int, String)]) -> [UInt8] {
        let nameBytes: [UInt8] = encoding == 1252 ? fullName.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } : Array(fullName.utf8)
        var exthBody: [UInt8] = []
        for (type, value) in exth {
            let data: [UInt8] = value.unicodeScalars.allSatisfy({ $0.value < 0x80 }) ? Array(value.utf8) : Array(value.utf8)
            exthBody += be32(UInt32(type)) + be32(UInt32(8 + data.count)) + data
        }
        var exthBlock = Array("EXTH".utf8) + be32(UInt32(12 + exthBody.count)) + be32(UInt32(exth.count)) + exthBody
        while exthBlock.count % 4 != 0 { exthBlock.append(0) }

        let mobiHeaderLength = 232
        var record0 = be16(1) + be16(0) + be32(1000) + be16(1) + be16(4096) + be16(0) + be16(0)  // PalmDOC
        var mobi = [UInt8](repeating: 0, count: mobiHeaderLength)
        mobi.replaceSubrange(0..<4, with: Array("MOBI".utf8))
        mobi.replaceSubrange(4..<8, with: be32(UInt32(mobiHeaderLength)))
        mobi.replaceSubrange(8..<12, with: be32(2))
        mobi.replaceSubrange(12..<16, with: be32(encoding))
        mobi.replaceSubrange(20..<24, with: be32(version))
        let fullNameOffset = 16 + mobiHeaderLength + exthBlock.count
        mobi.replaceSubrange(68..<72, with: be32(UInt32(fullNameOffset)))
        mobi.replaceSubrange(72..<76, with: be32(UInt32(nameBytes.count)))
        mobi.replaceSubrange(112..<116, with: be32(exth.isEmpty ? 0 : 0x40))
        record0 += mobi + exthBlock + nameBytes + [0, 0]

        var header = [UInt8](repeating: 0, count: 78)
        header.replaceSubrange(0..<9, with: Array("Test_Book".utf8))
        header.replaceSubrange(60..<68, with: Array("BOOKMOBI".utf8))
        header.replaceSubrange(76..<78, with: be16(2))
        let record0Offset = 78 + 2 * 8 + 2
        let record1Offset = record0Offset + record0.count
        header += be32(UInt32(record0Offset)) + [0, 0, 0, 0] + be32(UInt32(record1Offset)) + [0, 0, 0, 2] + [0, 0]
        return header + record0 + Array("<html>text</html>".utf8)
    }

    /// Changes the uncompressed size that a zip's local and central headers declare for `entry`.
    private func patchZipDeclaredSize(_ bytes: inout [UInt8], entry: String, size: UInt32) -> Int {
        let name = Array(entry.utf8)
        var patched = 0
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 3, bytes[i + 3] == 4 {
                let length = Int(bytes[i + 26]) | Int(bytes[i + 27]) << 8
                if Array(bytes[(i + 30)..<min(bytes.count, i + 30 + length)]) == name { bytes.replaceSubrange((i + 22)..<(i + 26), with: le32(size)); patched += 1 }
            } else if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 1, bytes[i + 3] == 2 {
                let length = Int(bytes[i + 28]) | Int(bytes[i + 29]) << 8
                if Array(bytes[(i + 46)..<min(bytes.count, i + 46 + length)]) == name { bytes.replaceSubrange((i + 24)..<(i + 28), with: le32(size)); patched += 1 }
            }
            i += 1
        }
        return patched
    }

    // MARK: - Helpers

    private func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    private func randomBytes(_ count: Int, seed: UInt64) -> Data {
        var generator = SplitMix(seed: seed)
        return Data((0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
    }

    private func assertThrows(_ code: MetadataError.Code, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
        do {
            try body()
            XCTFail("expected a \(code) MetadataError, got a result", file: file, line: line)
        } catch let error as MetadataError {
            XCTAssertEqual(error.code, code, error.message, file: file, line: line)
            XCTAssertFalse(error.message.contains("\n"), "one-line message", file: file, line: line)
        } catch {
            XCTFail("expected a MetadataError, got \(type(of: error)): \(error)", file: file, line: line)
        }
    }

    static func which(_ name: String) -> String? {
        ["/usr/bin", "/usr/local/bin", "/bin"].map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs a tool by argv (no shell), killed after `timeout` seconds; skips the test when the
    /// tool is missing and fails it with the tool's stderr when it exits non-zero.
    private func tool(_ argv: [String], cwd: String? = nil, timeout: TimeInterval = 60, allowFailure: Bool = false) throws {
        guard let executable = Self.which(argv[0]) else { throw XCTSkip("\(argv[0]) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(argv.dropFirst())
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let errorPath = dir + "/tool-\(UUID().uuidString.prefix(6)).err"
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
        let errorHandle = try XCTUnwrap(FileHandle(forWritingAtPath: errorPath))
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw XCTSkip("\(argv[0]) did not finish in \(Int(timeout)) s")
        }
        try errorHandle.close()
        if process.terminationStatus != 0 && !allowFailure {
            let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            XCTFail("\(argv.joined(separator: " ")) exited \(process.terminationStatus): \(stderr)")
            throw XCTSkip("fixture tool failed")
        }
    }

    /// The process's peak resident set size (VmHWM), in bytes.
    private func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) * 1024
    }
}

private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> ($0 * 8)) & 0xFF) } }
private func be16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
private func be32(_ v: UInt32) -> [UInt8] { (0..<4).reversed().map { UInt8((v >> ($0 * 8)) & 0xFF) } }

/// A small deterministic generator, so mutated fixtures are the same on every run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
