@testable import Engine
import Foundation
import XCTest

/// Path classification, naming templates, proposed paths and conformance, on paths written
/// for these tests.
final class LibraryNamingTests: XCTestCase {
    private let naming = LibraryNaming()

    private func read(_ path: String, _ type: LibraryType) -> PathFacts {
        PathClassifier.classify(relativePath: path, type: type)
    }

    /// Checks a whole classification: every field not given must be empty.
    private func check(_ path: String, _ type: LibraryType, _ want: PathFacts, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(read(path, type), want, path, file: file, line: line)
    }

    // MARK: - TV

    func testEpisodeInSeasonFolderWithIdsAndTitle() {
        check("Show Name (2010) [tvdbid-123]/Season 01/Show Name - S01E02 - Pilot.mkv", .tv,
              PathFacts(kind: .episode, title: "Pilot", year: 2010, series: "Show Name", season: 1, episodes: [2]))
        check("Other Show {tvdb-99} [imdbid-tt0123456]/Season 3/Other Show - S03E10.mkv", .tv,
              PathFacts(kind: .episode, series: "Other Show", season: 3, episodes: [10]))
    }

    func testEpisodeNumberingForms() {
        check("Show/Season 1/show.s1e2.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 1, episodes: [2]))
        check("Show/Season 1/Show 1x02 The Title.mkv", .tv,
              PathFacts(kind: .episode, title: "The Title", series: "Show", season: 1, episodes: [2]))
        check("Show/Season 04/Show S04 E07.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 4, episodes: [7]))
    }

    func testMultiEpisodeFiles() {
        XCTAssertEqual(read("Show/Season 01/Show - S01E01E02.mkv", .tv).episodes, [1, 2])
        XCTAssertEqual(read("Show/Season 01/Show - S01E01-E03 - Title.mkv", .tv).episodes, [1, 2, 3])
        XCTAssertEqual(read("Show/Season 01/Show - S01E01-03.mkv", .tv).episodes, [1, 2, 3])
        XCTAssertEqual(read("Show/Season 01/Show - S01E01-S01E02.mkv", .tv).episodes, [1, 2])
        XCTAssertEqual(read("Show/Season 02/Show 2x01x02.mkv", .tv).episodes, [1, 2])
        XCTAssertEqual(read("Show/Season 01/Show - S01E05E03.mkv", .tv).episodes, [5, 3])
        XCTAssertEqual(read("Show/Season 01/Show - S01E01-E03 - Title.mkv", .tv).title, "Title")
        // A hostile range is bounded.
        XCTAssertLessThanOrEqual(read("Show/Show - S01E01-E9999.mkv", .tv).episodes.count, 2)
    }

    func testAbsoluteNumbering() {
        let anime = read("Show/[Group] Show - 123 [1080p].mkv", .tv)
        XCTAssertEqual(anime.absoluteEpisodes, [123])
        XCTAssertEqual(anime.episodes, [])
        XCTAssertNil(anime.season)
        XCTAssertEqual(anime.series, "Show")
        XCTAssertNil(anime.title)
        XCTAssertNotNil(anime.quality)
        check("Show/Show - 012.mkv", .tv, PathFacts(kind: .episode, series: "Show", absoluteEpisodes: [12]))
        XCTAssertEqual(read("Show/[Group] Show - 07v2 [ABCD1234].mkv", .tv).absoluteEpisodes, [7])
        // Without a series folder the name gives the show.
        XCTAssertEqual(read("[Group] Some Show - 1001 [720p].mkv", .tv).series, "Some Show")
        XCTAssertEqual(read("[Group] Some Show - 1001 [720p].mkv", .tv).absoluteEpisodes, [1001])
        // In a season folder a bare number is that season's episode.
        check("Show/Season 2/Show - 05.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 2, episodes: [5]))
    }

    func testDailyShows() {
        check("Daily Show/Daily Show 2024-03-01.mkv", .tv, PathFacts(kind: .episode, series: "Daily Show", airDate: "2024-03-01"))
        check("Daily Show/Daily.Show.2024.03.01.Guest.Name.720p.HDTV.x264-GRP.mkv", .tv,
              PathFacts(kind: .episode, title: "Guest Name", series: "Daily Show", airDate: "2024-03-01", quality: "HDTV-720p"))
        XCTAssertEqual(read("Daily Show/Daily Show - 2023-12-31 - Guest.mkv", .tv).title, "Guest")
    }

    func testSpecials() {
        check("Show/Season 00/Show - S00E01.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 0, episodes: [1]))
        check("Show/Specials/Show - E01 - Making Of.mkv", .tv,
              PathFacts(kind: .episode, title: "Making Of", series: "Show", season: 0, episodes: [1]))
        XCTAssertEqual(read("Show/Specials/Christmas Special.mkv", .tv).season, 0)
    }

    func testSeasonFromFolder() {
        check("Show/Season 02/E05.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 2, episodes: [5]))
        check("Show/Season 2/Episode 5.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 2, episodes: [5]))
        check("Show/Season 2/Ep. 6 - Six.mkv", .tv, PathFacts(kind: .episode, title: "Six", series: "Show", season: 2, episodes: [6]))
        check("Show/Season 3/05 - Title.mkv", .tv, PathFacts(kind: .episode, title: "Title", series: "Show", season: 3, episodes: [5]))
        check("Show/S04/Show E01.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 4, episodes: [1]))
        check("Show/Staffel 5/Show - E02.mkv", .tv, PathFacts(kind: .episode, series: "Show", season: 5, episodes: [2]))
        // The name's season wins over the folder's.
        XCTAssertEqual(read("Show/Season 1/Show - S02E01.mkv", .tv).season, 2)
        // A season-pack folder gives the season to the files inside it.
        let pack = read("Show (2010)/Show.S03.1080p.WEB-DL-GRP/Show.E04.1080p.WEB-DL-GRP.mkv", .tv)
        XCTAssertEqual(pack.series, "Show")
        XCTAssertEqual(pack.episodes, [4])
    }

    func testSceneEpisodeNames() {
        check("Show.Name.S01E02.The.Title.1080p.WEB-DL.DDP5.1.H.264-GRP.mkv", .tv,
              PathFacts(kind: .episode, title: "The Title", series: "Show Name", season: 1, episodes: [2], quality: "WEBDL-1080p"))
        let yearInName = read("Show.Name.2019.S02E03.720p.HDTV.x264-GRP.mkv", .tv)
        XCTAssertEqual(yearInName.series, "Show Name")
        XCTAssertEqual(yearInName.year, 2019)
        XCTAssertNil(yearInName.title)
    }

    func testSonarrStyleQualityIsNotPartOfTheTitle() {
        check("Show/Season 01/Show - S01E02 - Pilot WEBDL-1080p Proper.mkv", .tv,
              PathFacts(kind: .episode, title: "Pilot", series: "Show", season: 1, episodes: [2], quality: "WEBDL-1080p"))
        check("Show/Season 01/Show - S01E02 - Pilot [Bluray-1080p].mkv", .tv,
              PathFacts(kind: .episode, title: "Pilot", series: "Show", season: 1, episodes: [2], quality: "Bluray-1080p"))
        XCTAssertEqual(read("Show/Season 01/Show - S01E03 - Charlotte's Web.mkv", .tv).title, "Charlotte's Web")
    }

    func testTVExtrasFromFolders() {
        let folders: [(String, String)] = [
            ("extras", "other"), ("Featurettes", "featurette"), ("Behind The Scenes", "behindthescenes"),
            ("Deleted Scenes", "deleted"), ("interviews", "interview"), ("Scenes", "scene"), ("Shorts", "short"),
            ("Trailers", "trailer"), ("Other", "other"),
        ]
        for (folder, type) in folders {
            let f = read("Show/Season 01/\(folder)/Gag Reel.mkv", .tv)
            XCTAssertEqual(f.kind, .extra, folder)
            XCTAssertEqual(f.extraType, type, folder)
            XCTAssertEqual(f.title, "Gag Reel", folder)
            XCTAssertEqual(f.series, "Show", folder)
            XCTAssertEqual(f.season, 1, folder)
        }
        XCTAssertEqual(read("Show/Featurettes/Making of.mkv", .tv).extraType, "featurette")
        // A show may be called "Extras": the top folder is never an extras folder.
        check("Extras/Season 1/Extras - S01E01.mkv", .tv, PathFacts(kind: .episode, series: "Extras", season: 1, episodes: [1]))
    }

    func testTVExtrasFromSuffixes() {
        let f = read("Show/Season 01/Show - S01E01-trailer.mkv", .tv)
        XCTAssertEqual(f.kind, .extra)
        XCTAssertEqual(f.extraType, "trailer")
        XCTAssertEqual(read("Show/Season 01/Show - S01E01-deleted.mkv", .tv).extraType, "deleted")
        // Only "-" before the common words: "The Short" is an episode title.
        XCTAssertEqual(read("Show/Season 01/Show - S01E01 - The Short.mkv", .tv).kind, .episode)
    }

    func testTVSamples() {
        let inFolder = read("Show/Season 01/Sample/show.s01e01.sample.mkv", .tv)
        XCTAssertEqual(inFolder.kind, .sample)
        XCTAssertEqual(inFolder.extraType, "sample")
        XCTAssertEqual(read("Show/Season 1/show.s01e01-sample.mkv", .tv).kind, .sample)
        XCTAssertEqual(read("Show/Season 1/show.s01e01_sample.mkv", .tv).kind, .sample)
        XCTAssertEqual(read("Show/sample.mkv", .tv).kind, .sample)
        XCTAssertNil(read("Show/sample.mkv", .tv).title)
        XCTAssertEqual(read("Show/Season 1/Show - S01E01 - Free Sample.mkv", .tv).kind, .episode)
    }

    // MARK: - Movies

    func testMovieInFolder() {
        check("The Matrix (1999)/The Matrix (1999).mkv", .movies, PathFacts(kind: .movie, title: "The Matrix", year: 1999))
        check("Loose Film (2001).mp4", .movies, PathFacts(kind: .movie, title: "Loose Film", year: 2001))
        check("2012 (2009)/2012 (2009).mkv", .movies, PathFacts(kind: .movie, title: "2012", year: 2009))
        check("Blade Runner 2049 (2017)/Blade Runner 2049 (2017).mkv", .movies,
              PathFacts(kind: .movie, title: "Blade Runner 2049", year: 2017))
        check("The Big Lebowski.mkv", .movies, PathFacts(kind: .movie, title: "The Big Lebowski"))
    }

    func testSceneMovieNames() {
        check("The.Matrix.1999.1080p.BluRay.x264-GRP.mkv", .movies,
              PathFacts(kind: .movie, title: "The Matrix", year: 1999, quality: "Bluray-1080p"))
        check("Movie (2010)/Movie (2010) Bluray-1080p.mkv", .movies,
              PathFacts(kind: .movie, title: "Movie", year: 2010, quality: "Bluray-1080p"))
        // An obfuscated file takes its folder's name.
        check("Movie.Title.2010.1080p.BluRay.x264-GRP/abcdef123.mkv", .movies, PathFacts(kind: .movie, title: "Movie Title", year: 2010))
        // DVD9 is a disc size, not a stack part.
        XCTAssertNil(read("Movie.Title.2010.DVD9.x264-GRP.mkv", .movies).part)
    }

    func testMovieEditions() {
        check("Blade Runner (1982) {edition-Final Cut}/Blade Runner (1982) {edition-Final Cut}.mkv", .movies,
              PathFacts(kind: .movie, title: "Blade Runner", year: 1982, edition: "Final Cut"))
        check("Aliens (1986)/Aliens (1986) - Extended Edition.mkv", .movies,
              PathFacts(kind: .movie, title: "Aliens", year: 1986, edition: "Extended Edition", version: "Extended Edition"))
        XCTAssertNotNil(read("Movie.2010.Directors.Cut.1080p.BluRay.x264-GRP.mkv", .movies).edition)
        // The folder's edition when the file has none.
        XCTAssertEqual(read("Film (2000) {edition-Uncut}/film.mkv", .movies).edition, "Uncut")
    }

    func testMovieStacks() {
        let parts: [(String, Int)] = [
            ("Movie (2010) - cd1.avi", 1), ("Movie (2010) cd 2.avi", 2), ("Movie (2010) - part1.avi", 1),
            ("Movie (2010) pt2.avi", 2), ("Movie (2010) disc1.avi", 1), ("Movie (2010) - dvd1.avi", 1),
            ("Movie (2010).Part.3.avi", 3), ("Movie (2010) - disk 2.avi", 2),
        ]
        for (name, part) in parts {
            check("Movie (2010)/\(name)", .movies, PathFacts(kind: .movie, title: "Movie", year: 2010, part: part))
        }
        check("Movie (2010)/CD2/movie.avi", .movies, PathFacts(kind: .movie, title: "Movie", year: 2010, part: 2))
        // "Part 1" before the year is the title's.
        check("Harry Potter and the Deathly Hallows Part 1 (2010)/Harry Potter and the Deathly Hallows Part 1 (2010).mkv", .movies,
              PathFacts(kind: .movie, title: "Harry Potter and the Deathly Hallows Part 1", year: 2010))
        XCTAssertNil(read("Kill Part 2/Kill Part 2.mkv", .movies).part)
    }

    func testMovieExtras() {
        let suffixes = ["trailer", "featurette", "behindthescenes", "deleted", "interview", "scene", "short", "other"]
        for s in suffixes {
            let f = read("Movie (2010)/Movie (2010)-\(s).mkv", .movies)
            XCTAssertEqual(f.kind, .extra, s)
            XCTAssertEqual(f.extraType, s, s)
        }
        XCTAssertEqual(read("Movie (2010)/Movie (2010).trailer.mkv", .movies).extraType, "trailer")
        XCTAssertEqual(read("Movie (2010)/trailer.mkv", .movies).extraType, "trailer")
        let featurette = read("Movie (2010)/Featurettes/How It Was Made.mkv", .movies)
        XCTAssertEqual(featurette, PathFacts(kind: .extra, title: "How It Was Made", extraType: "featurette"))
        XCTAssertEqual(read("Movie (2010)/Behind The Scenes/x.mkv", .movies).extraType, "behindthescenes")
        XCTAssertEqual(read("Movie (2010)/Deleted Scenes/x.mkv", .movies).extraType, "deleted")
        // The suffix says more than a generic folder.
        XCTAssertEqual(read("Movie (2010)/Extras/Teaser-trailer.mkv", .movies).extraType, "trailer")
    }

    func testMovieSamples() {
        check("Movie (2010)/Sample/movie-sample.mkv", .movies, PathFacts(kind: .sample, title: "movie", extraType: "sample"))
        XCTAssertEqual(read("Movie.2010.1080p.BluRay.x264-GRP/grp-movie-sample.mkv", .movies).kind, .sample)
        XCTAssertEqual(read("Movie.2010.1080p.BluRay.x264-GRP/sample-grp-movie.mkv", .movies).kind, .sample)
        XCTAssertEqual(read("Movie (2010)/sample.mkv", .movies).kind, .sample)
    }

    func testMovieVersions() {
        check("Movie (2010)/Movie (2010) - 1080p.mkv", .movies,
              PathFacts(kind: .movie, title: "Movie", year: 2010, version: "1080p", quality: "HDTV-1080p"))
        check("Movie (2010)/Movie (2010) - Director's Cut.mkv", .movies,
              PathFacts(kind: .movie, title: "Movie", year: 2010, edition: "Director's Cut", version: "Director's Cut"))
        XCTAssertEqual(read("Movie/Movie - 4K.mkv", .movies).version, "4K")
        XCTAssertEqual(read("Movie/Movie - 4K.mkv", .movies).title, "Movie")
        let both = read("Movie (2010)/Movie (2010) - 1080p - cd2.mkv", .movies)
        XCTAssertEqual(both.version, "1080p")
        XCTAssertEqual(both.part, 2)
        // A dash before the year is the title's.
        XCTAssertEqual(read("Star Wars - A New Hope (1977)/Star Wars - A New Hope (1977).mkv", .movies).title, "Star Wars - A New Hope")
    }

    func testGenericMovieFileTakesFolderName() {
        check("Movie (2010)/movie.mkv", .movies, PathFacts(kind: .movie, title: "Movie", year: 2010))
        check("Some Film (1990) [imdbid-tt1234567]/Some Film (1990) [imdbid-tt1234567].mkv", .movies,
              PathFacts(kind: .movie, title: "Some Film", year: 1990))
        check("Movie (2010)/VIDEO_TS/VTS_01_1.vob", .movies, PathFacts(kind: .movie, title: "Movie", year: 2010))
        check("Movie (2010)/BDMV/STREAM/00001.m2ts", .movies, PathFacts(kind: .movie, title: "Movie", year: 2010))
        check("Movie (2010)/Feature.mkv", .movies, PathFacts(kind: .movie, title: "Movie", year: 2010))
    }

    // MARK: - Music

    func testMusicLayouts() {
        check("Artist/Album (2010)/05 - Title.flac", .music,
              PathFacts(kind: .track, title: "Title", year: 2010, artist: "Artist", album: "Album", track: 5))
        check("Artist/Album/Disc 2/03 - Title.mp3", .music,
              PathFacts(kind: .track, title: "Title", artist: "Artist", album: "Album", track: 3, disc: 2))
        check("Artist/Album/CD1/01. Title.mp3", .music,
              PathFacts(kind: .track, title: "Title", artist: "Artist", album: "Album", track: 1, disc: 1))
        check("Artist/Album/07 Title.mp3", .music, PathFacts(kind: .track, title: "Title", artist: "Artist", album: "Album", track: 7))
        check("Artist/2010 - Album/1-05 Title.flac", .music,
              PathFacts(kind: .track, title: "Title", year: 2010, artist: "Artist", album: "Album", track: 5, disc: 1))
        check("Artist/Album [2010] [FLAC]/01 - Title.flac", .music,
              PathFacts(kind: .track, title: "Title", year: 2010, artist: "Artist", album: "Album", track: 1))
        check("Artist/(1999) Album/02 - Title.ogg", .music,
              PathFacts(kind: .track, title: "Title", year: 1999, artist: "Artist", album: "Album", track: 2))
    }

    func testMusicArtistInNames() {
        check("Artist - Title.mp3", .music, PathFacts(kind: .track, title: "Title", artist: "Artist"))
        check("Artist/Album/03 - Artist - Title.mp3", .music,
              PathFacts(kind: .track, title: "Title", artist: "Artist", album: "Album", track: 3))
        check("Artist - Album (2010)/01 - Title.mp3", .music,
              PathFacts(kind: .track, title: "Title", year: 2010, artist: "Artist", album: "Album", track: 1))
        check("Album/01 - Song.mp3", .music, PathFacts(kind: .track, title: "Song", album: "Album", track: 1))
        check("Artist/Song.mp3", .music, PathFacts(kind: .track, title: "Song", artist: "Artist"))
        // A title may hold " - " when the artist is known.
        XCTAssertEqual(read("Artist/Album/04 - Song - Live.mp3", .music).title, "Song - Live")
    }

    // MARK: - Audiobooks

    func testAudiobookSeriesIndexForms() {
        check("Author Name/Series Name/1 - Book Title/01 - Chapter 1.mp3", .audiobooks,
              PathFacts(kind: .audiobook, title: "Book Title", series: "Series Name", track: 1, author: "Author Name",
                        chapter: "01 - Chapter 1", seriesIndex: 1))
        let forms: [(String, Double)] = [
            ("Book 2 - Title", 2), ("Vol. 3 - Title", 3), ("Vol 3 - Title", 3), ("1.5 - Title", 1.5), ("Volume 4 - Title", 4),
            ("#5 - Title", 5), ("6. Title", 6),
        ]
        for (folder, index) in forms {
            let f = read("Author/Series/\(folder)/a.m4b", .audiobooks)
            XCTAssertEqual(f.seriesIndex, index, folder)
            XCTAssertEqual(f.title, "Title", folder)
            XCTAssertEqual(f.series, "Series", folder)
        }
    }

    func testAudiobookFolders() {
        check("Author/Title/Title.m4b", .audiobooks, PathFacts(kind: .audiobook, title: "Title", author: "Author"))
        check("Author/Title (1994)/Title.m4b", .audiobooks, PathFacts(kind: .audiobook, title: "Title", year: 1994, author: "Author"))
        XCTAssertEqual(read("Author/1994 - Title/01.mp3", .audiobooks).year, 1994)
        XCTAssertEqual(read("Author/1994 - Title/01.mp3", .audiobooks).title, "Title")
        let noIndex = read("Author/Series/Title/01.mp3", .audiobooks)
        XCTAssertEqual(noIndex.series, "Series")
        XCTAssertEqual(noIndex.title, "Title")
        XCTAssertNil(noIndex.seriesIndex)
        let narrated = read("Author/Title {Jim Reader}/01.mp3", .audiobooks)
        XCTAssertEqual(narrated.narrator, "Jim Reader")
        XCTAssertEqual(narrated.title, "Title")
        let full = read("Author/Series/Vol 1 - 1994 - Title {Narrator}/01.mp3", .audiobooks)
        XCTAssertEqual(full.seriesIndex, 1)
        XCTAssertEqual(full.year, 1994)
        XCTAssertEqual(full.title, "Title")
        XCTAssertEqual(full.narrator, "Narrator")
    }

    func testAudiobookSingleFilesAndChapters() {
        check("Author/Title.m4b", .audiobooks, PathFacts(kind: .audiobook, title: "Title", author: "Author"))
        // "1984" is a title, not an index or a chapter number.
        check("George Orwell/1984.m4b", .audiobooks, PathFacts(kind: .audiobook, title: "1984", author: "George Orwell"))
        XCTAssertEqual(read("Author/Title/Title - Part 01.mp3", .audiobooks).title, "Title")
        let chapter = read("Some Book/Chapter 01.mp3", .audiobooks)
        XCTAssertEqual(chapter.title, "Some Book")
        XCTAssertNil(chapter.author)
        XCTAssertEqual(chapter.chapter, "Chapter 01")
        XCTAssertEqual(read("Author/Title/CD 1/01.mp3", .audiobooks).title, "Title")
        XCTAssertEqual(read("Author/Title/CD 1/01.mp3", .audiobooks).author, "Author")
    }

    // MARK: - Podcasts

    func testPodcastDates() {
        check("Show Name/2024-03-01 - Episode Title.mp3", .podcasts,
              PathFacts(kind: .podcastEpisode, title: "Episode Title", series: "Show Name", airDate: "2024-03-01"))
        check("Show/Episode Title - 2024-03-01.mp3", .podcasts,
              PathFacts(kind: .podcastEpisode, title: "Episode Title", series: "Show", airDate: "2024-03-01"))
        check("Show/Episode Title (2024-03-01).mp3", .podcasts,
              PathFacts(kind: .podcastEpisode, title: "Episode Title", series: "Show", airDate: "2024-03-01"))
        check("Show/Show - 2024-03-01 - Episode.mp3", .podcasts,
              PathFacts(kind: .podcastEpisode, title: "Episode", series: "Show", airDate: "2024-03-01"))
        check("Show/20240301 Title.mp3", .podcasts, PathFacts(kind: .podcastEpisode, title: "Title", series: "Show", airDate: "2024-03-01"))
        check("Show/Just A Title.mp3", .podcasts, PathFacts(kind: .podcastEpisode, title: "Just A Title", series: "Show"))
    }

    // MARK: - Books and comics

    func testBooks() {
        check("Author/Title.epub", .books, PathFacts(kind: .book, title: "Title", author: "Author"))
        check("Author/Series/2 - Title.epub", .books, PathFacts(kind: .book, title: "Title", series: "Series", author: "Author", seriesIndex: 2))
        check("Author/Series/Book 3 - Title.epub", .books,
              PathFacts(kind: .book, title: "Title", series: "Series", author: "Author", seriesIndex: 3))
        check("Title - Author.epub", .books, PathFacts(kind: .book, title: "Title", author: "Author"))
        check("Author/Title (123)/Title - Author.epub", .books, PathFacts(kind: .book, title: "Title", author: "Author"))
        check("Author/Title (2001).epub", .books, PathFacts(kind: .book, title: "Title", year: 2001, author: "Author"))
        check("1 - Title.epub", .books, PathFacts(kind: .book, title: "Title", seriesIndex: 1))
    }

    func testComics() {
        check("Series/Series #012.cbz", .comics, PathFacts(kind: .comic, series: "Series", number: "12"))
        check("Series/Series Vol. 03 Ch. 021.cbz", .comics, PathFacts(kind: .comic, series: "Series", number: "21", volume: 3))
        check("Series/Series v03.cbz", .comics, PathFacts(kind: .comic, series: "Series", volume: 3))
        check("Series/Series 012 (2019).cbz", .comics, PathFacts(kind: .comic, year: 2019, series: "Series", number: "12"))
        check("Series (2016)/012.cbz", .comics, PathFacts(kind: .comic, year: 2016, series: "Series", number: "12"))
        check("Series/Series #012 - The Title (2019) (Digital) (Group).cbz", .comics,
              PathFacts(kind: .comic, title: "The Title", year: 2019, series: "Series", number: "12"))
        check("Manga/Manga c045.cbz", .comics, PathFacts(kind: .comic, series: "Manga", number: "45"))
        check("2000 AD/2000 AD 0412.cbz", .comics, PathFacts(kind: .comic, series: "2000 AD", number: "412"))
        check("Series/Series v01 c001.5.cbz", .comics, PathFacts(kind: .comic, series: "Series", number: "1.5", volume: 1))
        check("Series/[Group] Series Chapter 7.cbr", .comics, PathFacts(kind: .comic, series: "Series", number: "7"))
    }

    // MARK: - Photos and videos

    func testPhotosAndVideos() {
        check("2019/Holiday/IMG_0001.jpg", .photos, PathFacts(kind: .photo, title: "IMG_0001"))
        check("Channel Name/Video Title [dQw4w9WgXcQ].mkv", .videos,
              PathFacts(kind: .video, title: "Video Title", channel: "Channel Name", videoId: "dQw4w9WgXcQ"))
        check("Channel/20240301 - Title [abcdefghi-_].webm", .videos,
              PathFacts(kind: .video, title: "Title", channel: "Channel", videoId: "abcdefghi-_", uploadDate: "2024-03-01"))
        check("Channel [UCabcdefghijklmnopqrstuv]/Title.mp4", .videos, PathFacts(kind: .video, title: "Title", channel: "Channel"))
        // Ten characters is not a video id.
        XCTAssertNil(read("Channel/Title [abcdefghij].mp4", .videos).videoId)
    }

    // MARK: - Hostile names

    func testHostilePathsNeverCrash() {
        let inputs = [
            "", "/", "////", ".", "..", "../..", "./.", "\u{0}", "\u{1}\u{2}\n\t/\r\n", " - ", "-/-/-", "[]", "{}", "()",
            String(repeating: "a", count: 10_000), String(repeating: "1", count: 10_000), String(repeating: "S01E", count: 2500),
            String(repeating: "-", count: 10_000), String(repeating: "[", count: 10_000), String(repeating: "(2010)", count: 2000),
            String(repeating: "e\u{301}", count: 5000), "Show/" + String(repeating: "S01E01-E9999", count: 800),
            String(repeating: "a/", count: 5000), "🎬/🎬 - S01E01.mkv", "\u{202E}evil/\u{202E}gpj.exe",
            String(repeating: "x", count: 10_000) + ".mkv", String(repeating: "1x", count: 5000),
            String(repeating: "2024-03-01 ", count: 1000), String(repeating: "{edition-", count: 1000),
            String(repeating: "Vol. 1 - ", count: 1000), String(repeating: "#1 ", count: 3000), "\u{FFFF}\u{FFFE}",
            "Show/Season 99999999999999999999/Show - S99999999999999999999E1.mkv",
        ]
        let start = Date()
        for type in LibraryType.allCases {
            for path in inputs {
                let f = read(path, type)
                let back = try? JSONDecoder().decode(PathFacts.self, from: JSONEncoder().encode(f))
                XCTAssertEqual(back, f)
                _ = naming.conforms(relativePath: path, facts: f, type: type)
                if let template = naming.template(for: type) { assertSafe(template.render(NamingValues(facts: f)), path) }
                if let p = naming.proposedPath(for: f, type: type, ext: "mkv") { assertSafe(p, path) }
            }
        }
        // Linear scans: the whole set takes milliseconds in a release build.
        XCTAssertLessThan(Date().timeIntervalSince(start), 20)
    }

    /// A rendered path: no empty, "." or ".." component, none over 255 bytes, no control
    /// characters, no reserved characters.
    private func assertSafe(_ path: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let ctx = String(context.prefix(40))
        guard !path.isEmpty else { return }
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            XCTAssertFalse(component.isEmpty, "\(ctx): \(path)", file: file, line: line)
            XCTAssertNotEqual(component, ".", ctx, file: file, line: line)
            XCTAssertNotEqual(component, "..", ctx, file: file, line: line)
            XCTAssertFalse(component.contains(".."), ctx, file: file, line: line)
            XCTAssertLessThanOrEqual(component.utf8.count, 255, ctx, file: file, line: line)
            XCTAssertFalse(component.hasPrefix(" ") || component.hasSuffix(" ") || component.hasPrefix("."), ctx, file: file, line: line)
            XCTAssertFalse(component.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }, ctx, file: file, line: line)
            XCTAssertFalse(component.contains { ":*?\"<>|\\".contains($0) }, ctx, file: file, line: line)
        }
    }

    // MARK: - Templates

    func testTemplateRejectsUnknownTokens() {
        XCTAssertThrowsError(try NamingTemplate("{Show}/{Season}")) { error in
            let e = error as? NamingTemplateError
            XCTAssertEqual(e?.code, .unknownToken)
            XCTAssertEqual(e?.token, "{Show}")
            XCTAssertTrue(e?.description.contains("{Series Title}") == true, e?.description ?? "")
            XCTAssertTrue(e?.description.contains("{Show}") == true)
        }
        XCTAssertThrowsError(try NamingTemplate("{Movie Title")) { XCTAssertEqual(($0 as? NamingTemplateError)?.code, .unbalancedBrace) }
        XCTAssertThrowsError(try NamingTemplate("Title}")) { XCTAssertEqual(($0 as? NamingTemplateError)?.code, .unbalancedBrace) }
        XCTAssertThrowsError(try NamingTemplate("{Movie {Year}}")) { XCTAssertEqual(($0 as? NamingTemplateError)?.code, .unbalancedBrace) }
        XCTAssertThrowsError(try NamingTemplate("{season:ab}")) { XCTAssertEqual(($0 as? NamingTemplateError)?.code, .badFormat) }
        XCTAssertThrowsError(try NamingTemplate("{Title:00}")) { XCTAssertEqual(($0 as? NamingTemplateError)?.code, .badFormat) }
    }

    func testTemplateTokensAreCaseInsensitive() throws {
        let t = try NamingTemplate("{movie title} ({YEAR}) S{SEASON:00}E{Episode:000} {series  index}")
        XCTAssertEqual(t.tokens, [.movieTitle, .year, .season, .episode, .seriesIndex])
        XCTAssertEqual(t.render(NamingValues(title: "A", year: 2000, season: 1, episodes: [2], seriesIndex: 2.5)), "A (2000) S01E002 2.5")
        XCTAssertEqual(NamingTemplate.knownTokens.count, NamingTemplate.Token.allCases.count)
    }

    func testRenderMovies() throws {
        let t = naming.movies
        XCTAssertEqual(t.render(NamingValues(title: "Alien", year: 1979)), "Alien (1979)/Alien (1979)")
        XCTAssertEqual(t.render(NamingValues(title: "Alien")), "Alien/Alien")
        XCTAssertEqual(naming.importMovies.render(NamingValues(title: "Alien", year: 1979, qualityFull: "Bluray-1080p")),
                       "Alien (1979)/Alien (1979) Bluray-1080p")
        XCTAssertEqual(try NamingTemplate("{Movie Title} [{Edition}] {Year}").render(NamingValues(title: "X")), "X")
    }

    func testRenderEpisodes() {
        let values = NamingValues(qualityFull: "WEBDL-1080p", seriesTitle: "Show", season: 1, episodes: [2], episodeTitle: "Pilot")
        XCTAssertEqual(naming.episodes.render(values), "Show/Season 01/Show - S01E02")
        XCTAssertEqual(naming.importEpisodes.render(values), "Show/Season 01/Show - S01E02 - Pilot WEBDL-1080p")
        var v = values
        v.episodes = [1, 2]
        XCTAssertEqual(naming.episodes.render(v), "Show/Season 01/Show - S01E01-E02")
        v.episodes = [3, 1, 2]
        XCTAssertEqual(naming.episodes.render(v), "Show/Season 01/Show - S01E01-E03")
        v.episodes = [1, 3]
        XCTAssertEqual(naming.episodes.render(v), "Show/Season 01/Show - S01E01E03")
        v.episodeTitle = nil
        v.qualityFull = nil
        XCTAssertEqual(naming.importEpisodes.render(v), "Show/Season 01/Show - S01E01E03")
        v.qualityFull = "HDTV-720p"
        XCTAssertEqual(naming.importEpisodes.render(v), "Show/Season 01/Show - S01E01E03 - HDTV-720p")
    }

    func testEmptyTokensCleanUp() throws {
        XCTAssertEqual(naming.audiobooks.render(NamingValues(title: "Book", author: "Writer")), "Writer/Book/Book")
        XCTAssertEqual(naming.audiobooks.render(NamingValues(title: "Book", author: "Writer", series: "Saga")), "Writer/Saga/Book/Book")
        XCTAssertEqual(naming.audiobooks.render(NamingValues(title: "Book", author: "Writer", series: "Saga", seriesIndex: 2)),
                       "Writer/Saga/2 - Book/Book")
        XCTAssertEqual(naming.podcasts.render(NamingValues(title: "Ep", series: "Cast")), "Cast/Ep")
        XCTAssertEqual(naming.videos.render(NamingValues(title: "Clip", channel: "Chan")), "Chan/Clip")
        XCTAssertEqual(naming.music.render(NamingValues(title: "Song", year: 1990, artist: "Band", album: "LP", track: 3)),
                       "Band/LP (1990)/03 - Song")
        XCTAssertEqual(naming.music.render(NamingValues(title: "Song", artist: "Band", album: "LP", track: 3, disc: 2)),
                       "Band/LP/Disc 2/03 - Song")
        XCTAssertEqual(naming.music.render(NamingValues(title: "Song", artist: "Band", albumArtist: "Various Artists", album: "LP")),
                       "Various Artists/LP/Song")
        XCTAssertEqual(try NamingTemplate("{Title} - - {Year} -- ({Edition}) [{Video Id}] {Channel}").render(NamingValues(title: "T")), "T")
        XCTAssertEqual(try NamingTemplate("{disc}-{track:00} {Title}").render(NamingValues(title: "T", track: 4)), "04 T")
        XCTAssertEqual(try NamingTemplate("{disc}-{track:00} {Title}").render(NamingValues(title: "T", track: 4, disc: 1)), "1-04 T")
        // Literal folders stay; a value's own brackets and dashes are never touched.
        XCTAssertEqual(try NamingTemplate("Films/{Title}").render(NamingValues(title: "A - () - B")), "Films/A - () - B")
    }

    func testNumberPadding() throws {
        let t = try NamingTemplate("{Series} #{number:000}")
        XCTAssertEqual(t.render(NamingValues(series: "S", number: "12")), "S #012")
        XCTAssertEqual(t.render(NamingValues(series: "S", number: "1.5")), "S #001.5")
        XCTAssertEqual(t.render(NamingValues(series: "S", number: "1234")), "S #1234")
        XCTAssertEqual(t.render(NamingValues(series: "S", number: "12a")), "S #012a")
        XCTAssertEqual(t.render(NamingValues(series: "S")), "S")
        XCTAssertEqual(try NamingTemplate("{track:00}").render(NamingValues(track: 123)), "123")
    }

    func testSanitizedValues() throws {
        let t = try NamingTemplate("{Movie Title} ({Year})/{Movie Title}")
        XCTAssertEqual(t.render(NamingValues(title: "Mission: Impossible", year: 1996)), "Mission - Impossible (1996)/Mission - Impossible")
        XCTAssertEqual(t.render(NamingValues(title: "AC/DC Live")), "AC-DC Live/AC-DC Live")
        XCTAssertEqual(t.render(NamingValues(title: "What If?")), "What If/What If")
        XCTAssertEqual(t.render(NamingValues(title: "Say \"Hi\" <now> | *ok*")), "Say 'Hi' now - -ok-/Say 'Hi' now - -ok-")
        XCTAssertEqual(t.render(NamingValues(title: "10:30 Train")), "10-30 Train/10-30 Train")
        XCTAssertEqual(t.render(NamingValues(title: "Tab\tNew\nLine\u{0}Nul")), "Tab New Line Nul/Tab New Line Nul")
        XCTAssertEqual(t.render(NamingValues(title: "Wait...", year: 2000)), "Wait. (2000)/Wait")
        XCTAssertEqual(t.render(NamingValues(title: ".hidden")), "hidden/hidden")
        XCTAssertEqual(t.render(NamingValues(title: "\u{202E}drawkcab")), "drawkcab/drawkcab")
        // Traversal: no "..", no new levels.
        let evil = t.render(NamingValues(title: "../../etc/passwd"))
        XCTAssertEqual(evil.split(separator: "/").count, 2)
        assertSafe(evil, "traversal")
        XCTAssertEqual(t.render(NamingValues(title: "..")), "")
        XCTAssertEqual(t.render(NamingValues(title: "..", year: 2001)), "(2001)")
    }

    func testLongValuesAreCutOnCharacterBoundaries() throws {
        let t = try NamingTemplate("{Title}")
        let ascii = t.render(NamingValues(title: String(repeating: "a", count: 1000)))
        XCTAssertEqual(ascii.utf8.count, 255)
        let accented = String(repeating: "é", count: 200)  // 400 bytes
        let cut = t.render(NamingValues(title: accented))
        XCTAssertLessThanOrEqual(cut.utf8.count, 255)
        XCTAssertGreaterThanOrEqual(cut.utf8.count, 254)
        XCTAssertTrue(accented.hasPrefix(cut))
        let emoji = String(repeating: "👨‍👩‍👧", count: 100)  // 18 bytes each
        let e = t.render(NamingValues(title: emoji))
        XCTAssertLessThanOrEqual(e.utf8.count, 255)
        XCTAssertTrue(emoji.hasPrefix(e))
        // With an extension, the file name still fits.
        let p = naming.proposedPath(for: PathFacts(kind: .movie, title: String(repeating: "b", count: 600), year: 2000), type: .movies, ext: "mkv")
        XCTAssertNotNil(p)
        for c in (p ?? "").split(separator: "/") { XCTAssertLessThanOrEqual(c.utf8.count, 255) }
        XCTAssertTrue(p?.hasSuffix(" (2000).mkv") == true, p ?? "")
        XCTAssertTrue(p?.contains(" (2000)/") == true, p ?? "")
    }

    func testTemplateCoding() throws {
        let t = try NamingTemplate("{Series}/{Title}")
        let data = try JSONEncoder().encode(t)
        XCTAssertEqual(String(decoding: data, as: UTF8.self), "\"{Series}\\/{Title}\"")
        XCTAssertEqual(try JSONDecoder().decode(NamingTemplate.self, from: data), t)
        XCTAssertThrowsError(try JSONDecoder().decode(NamingTemplate.self, from: Data("\"{Nope}\"".utf8)))
        // Settings name only what they change.
        let partial = try JSONDecoder().decode(LibraryNaming.self, from: Data(#"{"books": "{Author} - {Title}"}"#.utf8))
        XCTAssertEqual(partial.books.text, "{Author} - {Title}")
        XCTAssertEqual(partial.movies, LibraryNaming().movies)
        let round = try JSONDecoder().decode(LibraryNaming.self, from: JSONEncoder().encode(naming))
        XCTAssertEqual(round, naming)
        XCTAssertEqual(Set(LibraryNaming.defaultTexts.keys), ["movies", "import_movies", "episodes", "import_episodes", "music",
                                                               "audiobooks", "podcasts", "books", "comics", "videos"])
    }

    func testFactsJSONKeys() throws {
        let f = PathFacts(kind: .podcastEpisode, absoluteEpisodes: [3], airDate: "2024-01-02", extraType: "x", seriesIndex: 1.5,
                          videoId: "abc", uploadDate: "2024-01-01")
        let json = String(decoding: try JSONEncoder().encode(f), as: UTF8.self)
        for key in ["\"kind\":\"podcast_episode\"", "\"absolute_episodes\"", "\"air_date\"", "\"extra_type\"", "\"series_index\"",
                    "\"video_id\"", "\"upload_date\""] {
            XCTAssertTrue(json.contains(key), key)
        }
        XCTAssertEqual(try JSONDecoder().decode(PathFacts.self, from: Data(#"{"kind":"movie","title":"T"}"#.utf8)),
                       PathFacts(kind: .movie, title: "T"))
    }

    // MARK: - Proposed paths

    func testProposedPaths() {
        func p(_ f: PathFacts, _ type: LibraryType, _ ext: String) -> String? { naming.proposedPath(for: f, type: type, ext: ext) }
        XCTAssertEqual(p(PathFacts(kind: .movie, title: "Movie: The Sequel", year: 2010), .movies, "MKV"),
                       "Movie - The Sequel (2010)/Movie - The Sequel (2010).mkv")
        XCTAssertEqual(p(PathFacts(kind: .movie, title: "Film", year: 2010, edition: "Final Cut"), .movies, "mkv"),
                       "Film (2010)/Film (2010) {edition-Final Cut}.mkv")
        XCTAssertEqual(p(PathFacts(kind: .movie, title: "Film", year: 2010, part: 2, version: "1080p"), .movies, "mkv"),
                       "Film (2010)/Film (2010) - 1080p - part2.mkv")
        XCTAssertNil(p(PathFacts(kind: .movie, year: 2010), .movies, "mkv"))
        XCTAssertEqual(p(PathFacts(kind: .episode, title: "Pilot", series: "Show", season: 1, episodes: [2]), .tv, "mkv"),
                       "Show/Season 01/Show - S01E02.mkv")
        XCTAssertNil(p(PathFacts(kind: .episode, series: "Show", episodes: [2]), .tv, "mkv"))
        XCTAssertNil(p(PathFacts(kind: .episode, series: "Show", absoluteEpisodes: [120]), .tv, "mkv"))
        XCTAssertEqual(p(PathFacts(kind: .track, title: "Song", year: 1990, artist: "Band", album: "LP", track: 1, disc: 2), .music, "flac"),
                       "Band/LP (1990)/Disc 2/01 - Song.flac")
        XCTAssertEqual(p(PathFacts(kind: .audiobook, title: "Book", series: "Saga", author: "Writer", seriesIndex: 1.5), .audiobooks, "m4b"),
                       "Writer/Saga/1.5 - Book/Book.m4b")
        XCTAssertEqual(p(PathFacts(kind: .audiobook, title: "Book", track: 3, author: "Writer", chapter: "03 - Arrival"), .audiobooks, "mp3"),
                       "Writer/Book/03 - Arrival.mp3")
        XCTAssertEqual(p(PathFacts(kind: .podcastEpisode, title: "Ep", series: "Cast", airDate: "2024-05-06"), .podcasts, "mp3"),
                       "Cast/2024-05-06 - Ep.mp3")
        XCTAssertEqual(p(PathFacts(kind: .book, title: "Novel", author: "Writer"), .books, "epub"), "Writer/Novel.epub")
        XCTAssertEqual(p(PathFacts(kind: .comic, series: "Hero", number: "7"), .comics, "cbz"), "Hero/Hero #007.cbz")
        XCTAssertEqual(p(PathFacts(kind: .video, title: "Clip", channel: "Chan", videoId: "dQw4w9WgXcQ", uploadDate: "2020-01-02"), .videos, "mp4"),
                       "Chan/2020-01-02 - Clip [dQw4w9WgXcQ].mp4")
        // Nothing to propose.
        XCTAssertNil(p(PathFacts(kind: .extra, title: "Trailer", extraType: "trailer"), .movies, "mkv"))
        XCTAssertNil(p(PathFacts(kind: .sample, extraType: "sample"), .tv, "mkv"))
        XCTAssertNil(p(PathFacts(kind: .photo, title: "IMG_1"), .photos, "jpg"))
        XCTAssertNil(p(PathFacts(kind: .movie, title: "Film"), .tv, "mkv"))
        XCTAssertNil(p(PathFacts(kind: .track, title: "Song"), .music, "mp3"))
        // A title that cannot be written as a name reads back as something else.
        XCTAssertNil(p(PathFacts(kind: .movie, title: "..", year: 2000), .movies, "mkv"))
        // Import paths carry the quality.
        XCTAssertEqual(naming.importPath(for: PathFacts(kind: .episode, title: "Pilot", series: "Show", season: 1, episodes: [2],
                                                        quality: "WEBDL-1080p"), type: .tv, ext: "mkv"),
                       "Show/Season 01/Show - S01E02 - Pilot WEBDL-1080p.mkv")
    }

    /// Facts built only from what each default template writes come back whole.
    func testRoundTrips() {
        let cases: [(PathFacts, LibraryType, String)] = [
            (PathFacts(kind: .movie, title: "The Film", year: 1999), .movies, "mkv"),
            (PathFacts(kind: .movie, title: "The Film", year: 1999, part: 2), .movies, "avi"),
            (PathFacts(kind: .movie, title: "The Film", year: 1999, edition: "Final Cut"), .movies, "mkv"),
            (PathFacts(kind: .movie, title: "The Film", year: 1999, edition: "Director's Cut", version: "Director's Cut"), .movies, "mkv"),
            (PathFacts(kind: .movie, title: "Star Wars - A New Hope", year: 1977), .movies, "mkv"),
            (PathFacts(kind: .episode, series: "The Show", season: 1, episodes: [2]), .tv, "mkv"),
            (PathFacts(kind: .episode, series: "The Show", season: 0, episodes: [1, 2, 3]), .tv, "mkv"),
            (PathFacts(kind: .episode, series: "The Show", season: 12, episodes: [101, 103]), .tv, "mkv"),
            (PathFacts(kind: .track, title: "Song Name", year: 2001, artist: "Band", album: "Record", track: 7), .music, "flac"),
            (PathFacts(kind: .track, title: "Song Name", artist: "Band", album: "Record", track: 7, disc: 2), .music, "flac"),
            (PathFacts(kind: .audiobook, title: "Book", series: "Saga", author: "Writer", seriesIndex: 2), .audiobooks, "m4b"),
            (PathFacts(kind: .audiobook, title: "Book", series: "Saga", author: "Writer", seriesIndex: 2.5), .audiobooks, "m4b"),
            (PathFacts(kind: .audiobook, title: "Book", series: "Saga", author: "Writer"), .audiobooks, "m4b"),
            (PathFacts(kind: .audiobook, title: "Book", author: "Writer"), .audiobooks, "m4b"),
            (PathFacts(kind: .audiobook, title: "Book", series: "Saga", track: 4, author: "Writer", chapter: "04 Four", seriesIndex: 1),
             .audiobooks, "mp3"),
            (PathFacts(kind: .podcastEpisode, title: "Talk", series: "Cast", airDate: "2022-02-02"), .podcasts, "mp3"),
            (PathFacts(kind: .podcastEpisode, title: "Talk", series: "Cast"), .podcasts, "mp3"),
            (PathFacts(kind: .book, title: "Novel", author: "Writer"), .books, "epub"),
            (PathFacts(kind: .comic, series: "Hero", number: "12"), .comics, "cbz"),
            (PathFacts(kind: .comic, series: "Hero", number: "1.5"), .comics, "cbz"),
            (PathFacts(kind: .video, title: "Clip", channel: "Chan", videoId: "dQw4w9WgXcQ", uploadDate: "2020-01-02"), .videos, "mp4"),
            (PathFacts(kind: .video, title: "Clip", channel: "Chan"), .videos, "mp4"),
        ]
        for (facts, type, ext) in cases {
            guard let path = naming.proposedPath(for: facts, type: type, ext: ext) else {
                XCTFail("no proposal for \(facts)")
                continue
            }
            XCTAssertEqual(read(path, type), facts, path)
            XCTAssertTrue(naming.conforms(relativePath: path, facts: facts, type: type), path)
        }
        // The import template's extra words read back too.
        let imported = PathFacts(kind: .episode, title: "Pilot", series: "Show", season: 1, episodes: [2], quality: "WEBDL-1080p")
        let path = naming.importPath(for: imported, type: .tv, ext: "mkv") ?? ""
        XCTAssertEqual(read(path, .tv), imported, path)
        let film = PathFacts(kind: .movie, title: "Film", year: 2001, quality: "Bluray-2160p")
        let filmPath = naming.importPath(for: film, type: .movies, ext: "mkv") ?? ""
        XCTAssertEqual(read(filmPath, .movies), film, filmPath)
    }

    // MARK: - Conformance

    func testMovieConformance() {
        let facts = PathFacts(kind: .movie, title: "Movie", year: 2010)
        XCTAssertTrue(naming.conforms(relativePath: "Movie (2010)/Movie (2010) - 1080p.mkv", facts: facts, type: .movies))
        XCTAssertTrue(naming.conforms(relativePath: "Movie (2010)/Movie (2010) Bluray-1080p.mkv", facts: facts, type: .movies))
        XCTAssertTrue(naming.conforms(relativePath: "Movie.2010.1080p.BluRay.x264-GRP.mkv", facts: facts, type: .movies))
        XCTAssertTrue(naming.conforms(relativePath: "Movie (2010)/movie.mkv", facts: facts, type: .movies))
        XCTAssertFalse(naming.conforms(relativePath: "Movie/Movie.mkv", facts: facts, type: .movies))
        XCTAssertFalse(naming.conforms(relativePath: "Other Film (2010)/Other Film (2010).mkv", facts: facts, type: .movies))
        XCTAssertFalse(naming.conforms(relativePath: "Movie (2010)/Movie (2010)-trailer.mkv", facts: facts, type: .movies))
        var part = facts
        part.part = 2
        XCTAssertFalse(naming.conforms(relativePath: "Movie (2010)/Movie (2010).mkv", facts: part, type: .movies))
        XCTAssertTrue(naming.conforms(relativePath: "Movie (2010)/Movie (2010) - cd2.mkv", facts: part, type: .movies))
    }

    func testEpisodeConformance() {
        let facts = PathFacts(kind: .episode, title: "Pilot", series: "Show", season: 1, episodes: [2])
        XCTAssertTrue(naming.conforms(relativePath: "Show/Season 01/Show - S01E02 - Pilot.mkv", facts: facts, type: .tv))
        XCTAssertTrue(naming.conforms(relativePath: "Show (2010) [tvdbid-1]/Season 1/show.s01e02.720p.mkv", facts: facts, type: .tv))
        XCTAssertTrue(naming.conforms(relativePath: "Show/Season 01/E02.mkv", facts: facts, type: .tv))
        XCTAssertFalse(naming.conforms(relativePath: "Show - S01E02.mkv", facts: facts, type: .tv))
        XCTAssertFalse(naming.conforms(relativePath: "Show/Season 01/Pilot.mkv", facts: facts, type: .tv))
        XCTAssertFalse(naming.conforms(relativePath: "Show/Season 01/Show - S01E03.mkv", facts: facts, type: .tv))
        XCTAssertFalse(naming.conforms(relativePath: "Other/Season 01/Other - S01E02.mkv", facts: facts, type: .tv))
        XCTAssertFalse(naming.conforms(relativePath: "Show/Season 01/Extras/Show - S01E02.mkv", facts: facts, type: .tv))
        let daily = PathFacts(kind: .episode, series: "News", airDate: "2024-03-01")
        XCTAssertTrue(naming.conforms(relativePath: "News/News 2024-03-01.mkv", facts: daily, type: .tv))
        XCTAssertFalse(naming.conforms(relativePath: "News/News 2024-03-02.mkv", facts: daily, type: .tv))
        let anime = PathFacts(kind: .episode, series: "Show", absoluteEpisodes: [123])
        XCTAssertTrue(naming.conforms(relativePath: "Show/[Group] Show - 123 [1080p].mkv", facts: anime, type: .tv))
    }

    func testOtherConformance() {
        let extra = PathFacts(kind: .extra, extraType: "trailer")
        XCTAssertTrue(naming.conforms(relativePath: "Movie (2010)/Movie (2010)-trailer.mkv", facts: extra, type: .movies))
        XCTAssertFalse(naming.conforms(relativePath: "Movie (2010)/Movie (2010).mkv", facts: extra, type: .movies))
        let song = PathFacts(kind: .track, title: "Song", artist: "Band", album: "LP")
        XCTAssertTrue(naming.conforms(relativePath: "Band/LP/05 - Song.flac", facts: song, type: .music))
        XCTAssertTrue(naming.conforms(relativePath: "Song.flac", facts: song, type: .music))
        XCTAssertFalse(naming.conforms(relativePath: "Band/LP/05 - Other.flac", facts: song, type: .music))
        let book = PathFacts(kind: .audiobook, title: "Book", series: "Saga", author: "Writer", seriesIndex: 1)
        XCTAssertTrue(naming.conforms(relativePath: "Writer/Saga/1 - Book/01.mp3", facts: book, type: .audiobooks))
        XCTAssertFalse(naming.conforms(relativePath: "Book/01.mp3", facts: book, type: .audiobooks))
        XCTAssertFalse(naming.conforms(relativePath: "Writer/Book/01.mp3", facts: book, type: .audiobooks))
        let comic = PathFacts(kind: .comic, series: "Hero", number: "12")
        XCTAssertTrue(naming.conforms(relativePath: "Hero/Hero 012 (2019).cbz", facts: comic, type: .comics))
        XCTAssertFalse(naming.conforms(relativePath: "Hero/Villain 012.cbz", facts: comic, type: .comics))
        XCTAssertFalse(naming.conforms(relativePath: "Hero/Hero 013.cbz", facts: comic, type: .comics))
        let episode = PathFacts(kind: .podcastEpisode, title: "Talk", series: "Cast")
        XCTAssertTrue(naming.conforms(relativePath: "Cast/Anything.mp3", facts: episode, type: .podcasts))
        XCTAssertFalse(naming.conforms(relativePath: "Other/Talk.mp3", facts: episode, type: .podcasts))
        let video = PathFacts(kind: .video, title: "Clip", channel: "Chan", videoId: "dQw4w9WgXcQ")
        XCTAssertTrue(naming.conforms(relativePath: "Chan/Clip [dQw4w9WgXcQ].mp4", facts: video, type: .videos))
        XCTAssertFalse(naming.conforms(relativePath: "Chan/Clip [aaaaaaaaaaa].mp4", facts: video, type: .videos))
        XCTAssertTrue(naming.conforms(relativePath: "anything.jpg", facts: PathFacts(kind: .photo), type: .photos))
        let novel = PathFacts(kind: .book, title: "Novel", author: "Writer")
        XCTAssertTrue(naming.conforms(relativePath: "Writer/Novel.epub", facts: novel, type: .books))
        XCTAssertFalse(naming.conforms(relativePath: "Someone Else/Novel.epub", facts: novel, type: .books))
    }
}
