import Foundation
import CFFmpeg

extension MediaProbe {
    static func describe(_ ctx: UnsafeMutablePointer<AVFormatContext>, path: String, size: Int64) -> ProbeResult {
        let format = ctx.pointee
        let formatName = format.iformat.map { String(cString: $0.pointee.name) } ?? "unknown"
        let tags = dictionary(format.metadata)
        var streams: [ProbeStream] = []
        for i in 0..<Int(format.nb_streams) {
            guard let stream = format.streams[i] else { continue }
            streams.append(describe(stream, index: i))
        }
        var chapters: [ProbeChapter] = []
        for i in 0..<Int(format.nb_chapters) {
            guard let chapter = format.chapters[i]?.pointee else { continue }
            let base = Double(chapter.time_base.num) / Double(max(chapter.time_base.den, 1))
            chapters.append(ProbeChapter(start: Double(chapter.start) * base, end: Double(chapter.end) * base,
                                         title: dictionary(chapter.metadata)["title"]))
        }
        let duration = format.duration == Int64.min || format.duration <= 0 ? nil : Double(format.duration) / Double(AV_TIME_BASE)
        return ProbeResult(
            path: path, container: shortContainer(formatName, path: path, brand: tags["major_brand"]),
            formatName: formatName, duration: duration, bitRate: format.bit_rate > 0 ? format.bit_rate : nil,
            size: size, streams: streams, chapters: chapters, tags: tags,
            hasCover: streams.contains { $0.isAttachedPicture })
    }

    private static func describe(_ stream: UnsafeMutablePointer<AVStream>, index: Int) -> ProbeStream {
        let st = stream.pointee
        guard let par = st.codecpar?.pointee else { return ProbeStream(index: index, type: "data", codec: "none") }
        let type = av_get_media_type_string(par.codec_type).map { String(cString: $0) } ?? "data"
        var s = ProbeStream(index: index, type: type, codec: String(cString: avcodec_get_name(par.codec_id)))
        s.profile = avcodec_profile_name(par.codec_id, par.profile).map { String(cString: $0) }
        s.bitRate = par.bit_rate > 0 ? par.bit_rate : nil
        let tags = dictionary(st.metadata)
        s.language = tags["language"].flatMap { $0 == "und" ? nil : $0 }
        s.title = tags["title"]
        s.isDefault = st.disposition & AV_DISPOSITION_DEFAULT != 0
        s.isForced = st.disposition & AV_DISPOSITION_FORCED != 0
        s.isAttachedPicture = st.disposition & AV_DISPOSITION_ATTACHED_PIC != 0
        switch par.codec_type {
        case AVMEDIA_TYPE_VIDEO:
            s.width = par.width > 0 ? Int(par.width) : nil
            s.height = par.height > 0 ? Int(par.height) : nil
            let rate = st.avg_frame_rate.den > 0 && st.avg_frame_rate.num > 0 ? st.avg_frame_rate : st.r_frame_rate
            if rate.den > 0, rate.num > 0 { s.frameRate = (Double(rate.num) / Double(rate.den) * 1000).rounded() / 1000 }
            if par.format >= 0 {
                let pixel = AVPixelFormat(rawValue: par.format)
                s.pixelFormat = av_get_pix_fmt_name(pixel).map { String(cString: $0) }
                if let descriptor = av_pix_fmt_desc_get(pixel) { s.bitDepth = Int(descriptor.pointee.comp.0.depth) }
            } else if par.bits_per_raw_sample > 0 {
                s.bitDepth = Int(par.bits_per_raw_sample)
            }
            s.colorTransfer = par.color_trc == AVCOL_TRC_UNSPECIFIED ? nil : av_color_transfer_name(par.color_trc).map { String(cString: $0) }
            s.colorPrimaries = par.color_primaries == AVCOL_PRI_UNSPECIFIED ? nil : av_color_primaries_name(par.color_primaries).map { String(cString: $0) }
            s.hdr = hdrFormat(stream, par)
        case AVMEDIA_TYPE_AUDIO:
            var layout = par.ch_layout
            s.channels = layout.nb_channels > 0 ? Int(layout.nb_channels) : nil
            var buffer = [CChar](repeating: 0, count: 64)
            if layout.nb_channels > 0, av_channel_layout_describe(&layout, &buffer, buffer.count) > 0 {
                s.channelLayout = String(cBuffer: buffer)
            }
            s.sampleRate = par.sample_rate > 0 ? Int(par.sample_rate) : nil
        default:
            break
        }
        return s
    }

    /// Dolby Vision from its configuration record; HDR10/HLG from the transfer function;
    /// HDR10+ from its dynamic metadata when the container carries it.
    private static func hdrFormat(_ stream: UnsafeMutablePointer<AVStream>, _ par: AVCodecParameters) -> String? {
        if seedtui_stream_has_side_data(stream, AV_PKT_DATA_DOVI_CONF) != 0 { return "Dolby Vision" }
        let tag = withUnsafeBytes(of: par.codec_tag.littleEndian) { String(decoding: $0, as: UTF8.self) }
        if ["dvh1", "dvhe", "dva1", "dvav"].contains(tag) { return "Dolby Vision" }
        switch par.color_trc {
        case AVCOL_TRC_SMPTE2084:
            return seedtui_stream_has_side_data(stream, AV_PKT_DATA_DYNAMIC_HDR10_PLUS) != 0 ? "HDR10+" : "HDR10"
        case AVCOL_TRC_ARIB_STD_B67:
            return "HLG"
        default:
            return nil
        }
    }

    /// Every entry of an AVDictionary, keys lowercased (tag case differs between containers).
    static func dictionary(_ dict: OpaquePointer?) -> [String: String] {
        guard let dict else { return [:] }
        var result: [String: String] = [:]
        var entry: UnsafeMutablePointer<AVDictionaryEntry>?
        while let next = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX) {
            entry = next
            guard let key = next.pointee.key, let value = next.pointee.value else { continue }
            result[String(cString: key).lowercased()] = String(cString: value)
        }
        return result
    }

    /// ffprobe's format names are lists ("mov,mp4,m4a,3gp,3g2,mj2"); people want the one that applies.
    static func shortContainer(_ formatName: String, path: String, brand: String?) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch formatName {
        case "matroska,webm": return ext == "webm" ? "webm" : (ext == "mka" ? "mka" : "mkv")
        case "mov,mp4,m4a,3gp,3g2,mj2":
            switch brand?.trimmingCharacters(in: .whitespaces).lowercased() {
            case "qt": return "mov"
            case "m4a": return "m4a"
            case "m4b": return "m4b"
            default: return ["mov", "m4a", "m4b", "3gp", "m4v"].contains(ext) ? ext : "mp4"
            }
        default:
            return String(formatName.split(separator: ",").first ?? Substring(formatName))
        }
    }
}
