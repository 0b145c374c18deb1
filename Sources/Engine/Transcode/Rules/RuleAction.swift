import Foundation

/// What a rule (or a saved preset) does, written as words: a verb and `key=value` settings,
/// separated by spaces.
///
/// ```
/// transcode preset=hevc-archive
/// transcode video=hevc quality=20 sdr replace
/// remux container=mkv keep-audio=eng,jpn add-stereo-aac
/// keep-audio=eng extract-subs
/// downmix
/// ```
/// `resolve` turns it into a recipe, starting from the named preset when there is one.
public struct RuleAction: Sendable, Equatable {
    public enum Verb: String, Sendable { case transcode, remux }

    public var verb: Verb?
    public var preset: String?
    /// nil: not said; `.some(nil)`: `video=copy`.
    public var video: VideoCodec??
    public var quality: Int?
    public var container: String?
    public var keepAudio: [String]?
    public var audio: TranscodeRecipe.AudioMode?
    public var audioBitrate: String?
    public var addStereoAAC = false
    public var downmix = false
    public var extractSubs = false
    public var dropSubs = false
    public var sdr = false
    public var eightBit = false
    public var replace = false

    static let vocabulary = "transcode, remux, preset=NAME, video=h264|hevc|av1|vp9|copy, quality=0-51, container=mkv|mp4|opus, "
        + "keep-audio=eng,jpn, audio=copy|aac|opus, audio-bitrate=128k, add-stereo-aac, downmix, extract-subs, drop-subs, sdr, 8bit, replace"

    public static func parse(_ text: String) throws(RuleSyntaxError) -> RuleAction {
        var action = RuleAction()
        var seen = Set<String>()
        var column = 1
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var any = false
        for raw in words {
            defer { column += raw.count + 1 }
            let word = String(raw)
            if word.isEmpty { continue }
            any = true
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let key = parts[0].lowercased()
            let value = parts.count > 1 ? parts[1] : nil
            if seen.contains(key) { throw RuleSyntaxError("'\(key)' is given twice", column: column) }
            seen.insert(key)
            func need(_ what: String) throws(RuleSyntaxError) -> String {
                guard let value, !value.isEmpty else { throw RuleSyntaxError("\(key)= needs \(what)", column: column) }
                return value
            }
            func flag() throws(RuleSyntaxError) {
                if value != nil { throw RuleSyntaxError("'\(key)' takes no value", column: column) }
            }
            switch key {
            case "transcode", "remux":
                try flag()
                if action.verb != nil { throw RuleSyntaxError("give either transcode or remux, not both", column: column) }
                action.verb = Verb(rawValue: key)
            case "preset":
                let name = try need("a preset name (`presets list`)")
                guard TranscodePreset.validName(name) else { throw RuleSyntaxError("'\(name)' is not a preset name", column: column) }
                action.preset = name
            case "video", "codec":
                let v = try need("a codec: h264, hevc, av1, vp9 or copy").lowercased()
                if v == "copy" { action.video = .some(nil) } else {
                    guard let codec = VideoCodec(rawValue: ConditionField.codecName(v)) else {
                        throw RuleSyntaxError("video=\(v): encode to h264, hevc, av1 or vp9 (or copy)", column: column)
                    }
                    action.video = .some(codec)
                }
            case "quality", "crf":
                let v = try need("a number from 0 (best) to 51")
                guard let q = Int(v), (0...63).contains(q) else { throw RuleSyntaxError("quality=\(v) must be a whole number from 0 (best) to 51", column: column) }
                action.quality = q
            case "container":
                let v = try need("mkv, mp4 or opus").lowercased()
                guard RecipeContainers.all.contains(v) else { throw RuleSyntaxError("container=\(v): write mkv, mp4 or opus", column: column) }
                action.container = v
            case "keep-audio", "keep_audio", "audio-languages":
                let v = try need("language codes such as eng,jpn")
                let langs = v.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
                guard !langs.isEmpty, langs.allSatisfy(LanguageCode.isValid) else {
                    throw RuleSyntaxError("keep-audio=\(v): list ISO 639 codes separated by commas, such as eng,jpn", column: column)
                }
                action.keepAudio = langs.map { $0.lowercased() }
            case "audio":
                let v = try need("copy, aac or opus").lowercased()
                guard let mode = TranscodeRecipe.AudioMode(rawValue: v) else { throw RuleSyntaxError("audio=\(v): write copy, aac or opus", column: column) }
                action.audio = mode
            case "audio-bitrate", "audio_bitrate":
                let v = try need("a rate such as 128k").lowercased()
                guard let bits = ConditionField.parseNumber(v, unit: .bitrate), bits >= 6000, bits <= 1_536_000 else {
                    throw RuleSyntaxError("audio-bitrate=\(v): write a rate from 6k to 1536k, such as 128k", column: column)
                }
                action.audioBitrate = "\(Int(bits / 1000))k"
            case "add-stereo-aac", "add_stereo_aac", "stereo-aac": try flag(); action.addStereoAAC = true
            case "downmix", "stereo": try flag(); action.downmix = true
            case "extract-subs", "extract_subs", "extract-subtitles": try flag(); action.extractSubs = true
            case "drop-subs", "drop_subs", "no-subs": try flag(); action.dropSubs = true
            case "sdr", "tonemap", "tone-map": try flag(); action.sdr = true
            case "8bit", "8-bit", "eight-bit": try flag(); action.eightBit = true
            case "replace": try flag(); action.replace = true
            default:
                throw RuleSyntaxError("unknown action '\(word)'; actions: \(vocabulary)", column: column)
            }
        }
        guard any else { throw RuleSyntaxError("the action is empty; write one such as 'transcode preset=hevc-archive'") }
        if action.extractSubs && action.dropSubs { throw RuleSyntaxError("extract-subs and drop-subs contradict each other") }
        return action
    }

    /// The recipe this action makes, over the named preset's when it names one.
    public func resolve(preset lookup: (String) -> TranscodePreset?) throws(RuleSyntaxError) -> TranscodeRecipe {
        var recipe = TranscodeRecipe()
        if let name = preset {
            guard let p = lookup(name) else { throw RuleSyntaxError("unknown preset '\(name)'; `presets list` shows them") }
            recipe = p.recipe
        }
        if let video { recipe.videoCodec = video; if video != nil { recipe.dropVideo = false } }
        if verb == .transcode && recipe.videoCodec == nil && !recipe.dropVideo && recipe.audio == .copy && preset == nil {
            throw RuleSyntaxError("transcode needs preset=NAME or video=CODEC (h264, hevc, av1, vp9)")
        }
        if verb == .remux {
            if case .some(.some) = video { throw RuleSyntaxError("remux copies the video; drop video= or use transcode") }
            if recipe.videoCodec != nil { throw RuleSyntaxError("remux copies the video, but preset '\(preset ?? "")' encodes it; use transcode") }
        }
        if let quality {
            guard recipe.videoCodec != nil else { throw RuleSyntaxError("quality= applies to a video encode; add video=hevc or a preset that encodes") }
            recipe.quality = quality
        }
        if sdr {
            guard recipe.videoCodec != nil else { throw RuleSyntaxError("sdr tone-maps while encoding; add video=hevc or a preset that encodes") }
            recipe.toneMapToSDR = true
        }
        if eightBit {
            guard recipe.videoCodec != nil else { throw RuleSyntaxError("8bit applies to a video encode; add video=h264 or a preset that encodes") }
            recipe.eightBit = true
        }
        if let container { recipe.container = container }
        if let keepAudio { recipe.keepAudio = keepAudio }
        if let audio { recipe.audio = audio }
        if let audioBitrate { recipe.audioBitrate = audioBitrate }
        if addStereoAAC { recipe.addStereoAAC = true }
        if downmix { recipe.downmix = true }
        if dropSubs { recipe.subtitles = .drop }
        if replace { recipe.replace = true }
        if extractSubs {
            let nothingElse = verb == nil && preset == nil && video == nil && container == nil && keepAudio == nil && audio == nil
                && !addStereoAAC && !downmix && !sdr && !eightBit
            recipe.subtitles = nothingElse ? .only : .extract
            if nothingElse && replace { throw RuleSyntaxError("extract-subs alone writes sidecars and leaves the file; replace makes no sense with it") }
        }
        if recipe.sidecarsOnly && (verb != nil || video != nil) {
            throw RuleSyntaxError("preset '\(preset ?? "")' only extracts subtitles; it cannot also transcode or remux")
        }
        return recipe
    }
}
