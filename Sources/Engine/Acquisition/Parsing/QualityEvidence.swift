/// What the quality words of a name said, before they are turned into one quality name.
///
/// Names say the same thing several ways ("BluRay", "BDRip", "BD", "Blu-ray"); the meta pass
/// records each hint here and `QualityResolver` weighs them once at the end.
struct QualityEvidence {
    var source: SourceWord?
    /// 480, 576, 720, 1080 or 2160 when the name states it; 0 otherwise.
    var resolution = 0
    /// The resolution came from a width×height pair.
    var resolutionFromSize = false
    /// "1080i": interlaced broadcast, the mark of a raw HD capture with MPEG-2.
    var interlaced = false
    var remux = false
    var brdisk = false
    var rawhd = false
    var mpeg2 = false
    var uhd = false
    var fhd = false
    var sd = false
    /// "HR" (high resolution PDTV, 720p-ish in practice).
    var hr = false
    var xvidLike = false
    var anyCodec = false
    /// "[HDTV]" alone in brackets: the name was written by a tool that uses quality names.
    var bracketedHDTV = false
    var complete = false
    var untouched = false
    var iso = false
    var threeD = false
    var webMux = false
    var webService = false
    /// "HD TV" written as two words (a tool's spelling of HDTV-720p).
    var hdtvSplit = false
    /// x264/x265/XviD: an encode. AVC/HEVC/VC-1/MPEG-2 without one suggest an untouched disc.
    var encoder = false
    var discFormat = false
    /// "BD-50", "BD25": a disc image.
    var discSize = false

    /// Keeps the more specific source when a name states several ("BluRay ... Remux", "WEB-DL ... WEBRip").
    mutating func add(_ s: SourceWord) {
        guard let current = source else { source = s; return }
        if rank(s) > rank(current) { source = s }
    }

    private func rank(_ s: SourceWord) -> Int {
        switch s {
        case .remux, .bdremux: return 2
        case .brdisk: return 8
        case .cam, .telesync, .telecine, .workprint, .screener, .regional: return 7
        case .webrip, .webMux: return 6
        case .webdl, .webService: return 5
        case .bluray, .uhdbd, .hddvd: return 5
        case .bdrip: return 4
        case .dvdr: return 4
        case .rawhd: return 4
        case .hdtv, .pdtv, .sdtv, .tvrip: return 3
        case .web, .bd: return 3
        case .dvdrip, .dvd: return 2
        case .iso, .ntsc, .pal, .mpeg2: return 1
        }
    }
}
