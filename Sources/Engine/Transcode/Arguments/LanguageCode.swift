import Foundation

/// Language tags as containers write them: ISO 639-2 in either its bibliographic (`fre`,
/// `ger`) or terminology (`fra`, `deu`) form, sometimes ISO 639-1 (`fr`). Compared in one
/// canonical form so `keep-audio=fra` keeps a track tagged `fre`.
public enum LanguageCode {
    static let terminologyToBibliographic: [String: String] = [
        "fra": "fre", "deu": "ger", "zho": "chi", "nld": "dut", "ces": "cze", "ell": "gre", "fas": "per", "hye": "arm",
        "eus": "baq", "kat": "geo", "isl": "ice", "mkd": "mac", "mri": "mao", "msa": "may", "mya": "bur", "ron": "rum",
        "slk": "slo", "sqi": "alb", "bod": "tib", "cym": "wel",
    ]
    static let twoLetter: [String: String] = [
        "en": "eng", "fr": "fre", "de": "ger", "es": "spa", "it": "ita", "ja": "jpn", "ko": "kor", "zh": "chi", "ru": "rus",
        "pt": "por", "nl": "dut", "sv": "swe", "no": "nor", "nb": "nob", "da": "dan", "fi": "fin", "pl": "pol", "cs": "cze",
        "el": "gre", "tr": "tur", "ar": "ara", "he": "heb", "hi": "hin", "hu": "hun", "th": "tha", "uk": "ukr", "vi": "vie",
        "ro": "rum", "id": "ind", "fa": "per", "ca": "cat", "hr": "hrv", "sr": "srp", "sk": "slo", "bg": "bul",
    ]

    /// Lowercase ISO 639-2/B, or the input lowercased when unknown.
    public static func canonical(_ code: String) -> String {
        let c = code.trimmingCharacters(in: .whitespaces).lowercased()
        if let b = terminologyToBibliographic[c] { return b }
        if let three = twoLetter[c] { return three }
        return c
    }

    /// A plausible tag: two or three ASCII letters.
    public static func isValid(_ code: String) -> Bool {
        (2...3).contains(code.count) && code.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
