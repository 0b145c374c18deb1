/// Turns the quality evidence into the `source`, `resolution` and `quality` fields.
///
/// The names follow Sonarr and Radarr so profiles written for them read the same here
/// ("WEBDL-1080p", "Bluray-720p", "Remux-2160p", "SDTV"). Where a name leaves the resolution
/// out, the usual defaults apply: a Blu-ray encode is 720p, a rip from a Blu-ray with XviD is
/// 480p, plain "HDTV" is SDTV, and the container decides when nothing else does.
extension ReleaseScan {
    func resolveQuality() {
        let q = quality
        var res = q.resolution
        func name(_ family: Family, _ r: Int) -> String { Self.qualityName(family, r) }
        func setRes(_ r: Int) { if r > 0 { info.resolution = Self.resolutionName(r) } }
        setRes(res)
        if res == 0, q.uhd { res = 2160 } else if res == 0, q.fhd { res = 1080 }
        let bluray: Bool = {
            switch q.source { case .bluray, .bd, .uhdbd, .hddvd, .bdrip, .remux, .bdremux, .brdisk: return true; default: return false }
        }()
        let web: Bool = {
            switch q.source { case .webdl, .webrip, .web, .webMux, .webService: return true; default: return false }
        }()
        let tv: Bool = {
            switch q.source { case .hdtv, .sdtv, .pdtv, .tvrip: return true; default: return false }
        }()

        switch q.source {
        case .cam?: set("CAM", "CAM")
        case .telesync?: set("TELESYNC", "TELESYNC")
        case .telecine?: set("TELECINE", "TELECINE")
        case .workprint?: set("WORKPRINT", "WORKPRINT")
        case .screener?: set("DVDSCR", "DVDSCR")
        case .regional?: set("REGIONAL", "REGIONAL")
        default:
            if isDisc(bluray: bluray) {
                set("BR-DISK", "BR-DISK")
            } else if q.rawhd || (q.mpeg2 && !bluray && !web && (q.source == nil || tv) && (q.interlaced || tv || res >= 720)) {
                set("Raw-HD", "Raw-HD")
            } else if q.remux && (bluray || q.source == nil) {
                let r = res == 0 ? 1080 : res
                if r >= 1080 { set("Remux", name(.remux, r >= 2160 ? 2160 : 1080)) } else { set("Bluray", name(.bluray, r)) }
            } else if bluray {
                let r = res != 0 ? res : (q.source == .bdrip || q.xvidLike) ? 480 : 720
                set("Bluray", name(.bluray, r))
            } else if web {
                let rip = q.source == .webrip || q.source == .webMux
                let r = res != 0 ? res : (q.sd || q.webService || q.webMux) ? 480 : 720
                set(rip ? "WEBRip" : "WEBDL", name(rip ? .webrip : .webdl, r == 576 ? 480 : r))
            } else if tv {
                if res >= 720 { set("HDTV", name(.hdtv, res)) }
                else if res == 0 && (q.hr || q.bracketedHDTV || q.hdtvSplit) { set("HDTV", "HDTV-720p") }
                else { set(q.source == .hdtv ? "HDTV" : "SDTV", "SDTV") }
            } else if q.source == .dvdr || (q.source == .dvd && q.remux) {
                set("DVD-R", "DVD-R")
            } else if q.source == .dvd || q.source == .dvdrip || q.source == .ntsc || q.source == .pal {
                set("DVD", "DVD")
            } else if res > 0, info.type == .movie, isAnimeStyle {
                // Fansub films that name only a resolution are web releases.
                set(nil, name(.webdl, res == 576 ? 480 : res))
            } else if res > 0 {
                if res >= 720 { set(nil, name(.hdtv, res)) } else { set(nil, "SDTV") }
            } else if q.anyCodec, !q.mpeg2 {
                set(nil, "SDTV")
            } else {
                switch ext {
                case .avi, .divx, .xvid, .wmv, .mpg, .flv, .rmvb: set(nil, "SDTV")
                case .mkv, .mp4, .m4v, .ts, .mov, .ogm: set(nil, "HDTV-720p")
                case .m2ts: set(nil, "Bluray-720p")
                default: break
                }
            }
        }
    }

    /// Names as literals: building them by interpolation for every name cost more than the parse of a number.
    static func resolutionName(_ r: Int) -> String {
        switch r {
        case 480: return "480p"
        case 576: return "576p"
        case 720: return "720p"
        case 1080: return "1080p"
        case 2160: return "2160p"
        default: return "\(r)p"
        }
    }

    enum Family { case webdl, webrip, bluray, hdtv, remux }

    static func qualityName(_ family: Family, _ r: Int) -> String {
        switch (family, r) {
        case (.webdl, 480): return "WEBDL-480p"
        case (.webdl, 720): return "WEBDL-720p"
        case (.webdl, 1080): return "WEBDL-1080p"
        case (.webdl, 2160): return "WEBDL-2160p"
        case (.webrip, 480): return "WEBRip-480p"
        case (.webrip, 720): return "WEBRip-720p"
        case (.webrip, 1080): return "WEBRip-1080p"
        case (.webrip, 2160): return "WEBRip-2160p"
        case (.bluray, 480): return "Bluray-480p"
        case (.bluray, 576): return "Bluray-576p"
        case (.bluray, 720): return "Bluray-720p"
        case (.bluray, 1080): return "Bluray-1080p"
        case (.bluray, 2160): return "Bluray-2160p"
        case (.hdtv, 720): return "HDTV-720p"
        case (.hdtv, 1080): return "HDTV-1080p"
        case (.hdtv, 2160): return "HDTV-2160p"
        case (.remux, 2160): return "Remux-2160p"
        case (.remux, _): return "Remux-1080p"
        case (.hdtv, _): return "SDTV"
        case (.webdl, _): return "WEBDL-480p"
        case (.webrip, _): return "WEBRip-480p"
        case (.bluray, _): return "Bluray-480p"
        }
    }

    private func set(_ source: String?, _ quality: String) {
        info.source = source
        info.quality = quality
    }

    /// A whole disc rather than an encode: "BDISO", "BD25", "COMPLETE.BLURAY", an .iso, or a
    /// Blu-ray in its disc format (AVC, VC-1, MPEG-2) with no encoder named.
    private func isDisc(bluray: Bool) -> Bool {
        let q = quality
        if q.source == .brdisk || q.discSize { return true }
        guard bluray, q.source != .bdrip, !q.remux else { return false }
        if q.iso || ext == .iso || q.untouched { return true }
        if q.complete && (q.source == .bluray || q.source == .bd) && !q.encoder { return true }
        if q.source == .hddvd && !q.encoder && q.discFormat { return true }
        if (q.source == .bluray || q.source == .bd) && q.discFormat && !q.encoder && !q.xvidLike && info.type != .episode { return true }
        return false
    }
}
