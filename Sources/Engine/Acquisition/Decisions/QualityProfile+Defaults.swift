extension QualityProfile {
    /// The built-in profiles, always present and read-only; `profile add NAME --from default` copies one.
    public static let builtins: [QualityProfile] = [standard, music, any]

    /// `default`: 720p and better from WEB, Blu-ray and HDTV, best first, upgrading until
    /// WEBDL-1080p. CAM, telesync, telecine, workprint, screeners, DVD and SD are not allowed,
    /// samples never pass. Size bounds per minute catch fakes (a "2160p" of 300 MB) and
    /// absurdities alike.
    public static let standard: QualityProfile = {
        let qualities = [
            "Remux-2160p", "Bluray-2160p", "WEBDL-2160p", "WEBRip-2160p", "HDTV-2160p",
            "Remux-1080p", "Bluray-1080p", "WEBDL-1080p", "WEBRip-1080p", "HDTV-1080p",
            "Bluray-720p", "WEBDL-720p", "WEBRip-720p", "HDTV-720p",
        ]
        let limits: [String: SizeLimit] = [
            "HDTV-720p": .init(min: 3, max: 100), "WEBDL-720p": .init(min: 3, max: 100), "WEBRip-720p": .init(min: 3, max: 100),
            "Bluray-720p": .init(min: 4, max: 130),
            "HDTV-1080p": .init(min: 4, max: 200), "WEBDL-1080p": .init(min: 4, max: 200), "WEBRip-1080p": .init(min: 4, max: 200),
            "Bluray-1080p": .init(min: 6, max: 250), "Remux-1080p": .init(min: 40, max: 600),
            "HDTV-2160p": .init(min: 10, max: 500), "WEBDL-2160p": .init(min: 10, max: 500), "WEBRip-2160p": .init(min: 10, max: 500),
            "Bluray-2160p": .init(min: 20, max: 800), "Remux-2160p": .init(min: 60, max: 1500),
        ]
        return QualityProfile(name: "default", qualities: qualities, cutoff: "WEBDL-1080p", upgradesAllowed: true,
                              sizeLimits: limits, minimumSeeders: 1)
    }()

    /// `music`: lossless first, then MP3 320/V0 and the best lossy, upgrading until FLAC.
    public static let music = QualityProfile(
        name: "music",
        qualities: ["FLAC 24bit", "ALAC 24bit", "FLAC", "ALAC", "APE", "WavPack", "MP3-320", "MP3-VBR-V0", "AAC-320",
                    "MP3-256", "AAC-256", "MP3-VBR-V2"],
        cutoff: "FLAC", upgradesAllowed: true, sizeLimits: ["FLAC": .init(min: 50, max: 4000), "MP3-320": .init(min: 20, max: 1000)],
        minimumSeeders: 1)

    /// `any`: every quality but theatre and preview copies, "Unknown" last; for books,
    /// audiobooks and comics (whose names carry only a format) and for looking around.
    public static let any: QualityProfile = {
        var names = QualityRanking.video.reversed().flatMap { $0 }.filter { !QualityRanking.fakes.contains($0) && $0 != "Unknown" }
        for scale in [QualityRanking.music, QualityRanking.book, QualityRanking.audiobook, QualityRanking.comic] {
            names += scale.reversed().flatMap { $0 }.filter { !names.contains($0) }
        }
        if !names.contains("Unknown") { names.append("Unknown") }
        return QualityProfile(name: "any", qualities: names, cutoff: nil, upgradesAllowed: false, minimumSeeders: 1)
    }()

    /// The profile used when none is named: `music` for music, `any` for books, audiobooks and comics, else `default`.
    public static func builtin(for kind: ReleaseInfo.Kind) -> QualityProfile {
        switch kind {
        case .music: return music
        case .book, .audiobook, .comic: return any
        case .episode, .movie, .unknown: return standard
        }
    }
}
