/// Each encoder's quality-based mode, with one number on the x264/x265 CRF scale.
///
/// `-crf` for the software encoders, `-cq` (VBR with no bitrate cap) for NVENC,
/// `-global_quality` (ICQ) for QSV, `-qp` (constant QP) for VAAPI. The number is passed as
/// is: hardware encoders give larger files than x265 at the same number.
public enum EncoderQuality {
    public static func arguments(encoder: String, quality q: Int, eightBitH264: Bool) -> [String] {
        let n = String(q)
        var args = ["-c:v", encoder]
        switch encoder {
        case "libx265": args += ["-preset", "medium", "-crf", n, "-x265-params", "log-level=error"]
        case "libx264": args += ["-preset", "medium", "-crf", n]
        case "libsvtav1": args += ["-preset", "8", "-crf", n]
        case "libaom-av1": args += ["-cpu-used", "6", "-row-mt", "1", "-crf", n, "-b:v", "0"]
        case "librav1e": args += ["-speed", "6", "-qp", String(min(255, q * 4))]
        case "libvpx-vp9": args += ["-crf", n, "-b:v", "0", "-row-mt", "1"]
        case "libkvazaar": args += ["-kvazaar-params", "qp=\(n)"]
        case "libopenh264": args += ["-rc_mode", "quality"]
        default:
            if encoder.hasSuffix("_nvenc") {
                args += ["-preset", "p5", "-tune", "hq", "-rc", "vbr", "-cq", n, "-b:v", "0"]
            } else if encoder.hasSuffix("_qsv") {
                args += ["-preset", "medium", "-global_quality", n]
            } else if encoder.hasSuffix("_vaapi") {
                args += ["-rc_mode", "CQP", "-qp", n]
            }
        }
        if eightBitH264 && encoder != "libopenh264" { args += ["-profile:v", "high"] }
        return args
    }
}
