import Foundation

/// Matches a profile's terms against release names.
///
/// Release names separate words with dots, dashes, underscores or spaces, so both sides are
/// reduced to lowercase words before a plain term is looked for on word boundaries: "dolby
/// vision" matches "Dolby.Vision", "hdr" does not match "HDR10". A term written `/…/` is a
/// case-insensitive regular expression over the raw name, for what words cannot say.
public enum TermMatcher {
    /// " dolby vision 2160p " — lowercase words between single spaces, padded.
    public static func normalize(_ text: String) -> String {
        // Release names are ASCII almost always: bytes, with no Foundation character sets.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = [32]
            out.reserveCapacity(text.utf8.count + 2)
            var lastSpace = true
            for b in text.utf8 {
                let c = b &- 65 < 26 ? b | 0x20 : b
                if c &- 97 < 26 || c &- 48 < 10 || c == UInt8(ascii: "+") {
                    out.append(c)
                    lastSpace = false
                } else if !lastSpace {
                    out.append(32)
                    lastSpace = true
                }
            }
            if !lastSpace { out.append(32) }
            return String(decoding: out, as: UTF8.self)
        }
        var out = " "
        for scalar in text.lowercased().unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "+" {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix(" ") {
                out += " "
            }
        }
        if !out.hasSuffix(" ") { out += " " }
        return out
    }

    public static func isRegex(_ term: String) -> Bool { term.count >= 3 && term.hasPrefix("/") && term.hasSuffix("/") }

    /// Whether `term` is in a name; `normalized` is `normalize(raw)`, computed once per name.
    public static func matches(_ term: String, normalized: String, raw: String) -> Bool {
        if isRegex(term) {
            guard let re = try? NSRegularExpression(pattern: String(term.dropFirst().dropLast()), options: [.caseInsensitive]) else { return false }
            return re.firstMatch(in: raw, range: NSRange(raw.startIndex..., in: raw)) != nil
        }
        let words = normalize(term)
        return words != " " && normalized.contains(words)
    }

    /// The first of `terms` found in the name, if any.
    public static func first(of terms: [String], in raw: String) -> String? {
        let normalized = normalize(raw)
        return terms.first { matches($0, normalized: normalized, raw: raw) }
    }

    static func validate(_ term: String, profile: String) throws {
        if isRegex(term) {
            do { _ = try NSRegularExpression(pattern: String(term.dropFirst().dropLast())) } catch {
                throw EngineError.invalid("profile '\(profile)': the term \(term) is not a valid regular expression")
            }
        } else if normalize(term) == " " {
            throw EngineError.invalid("profile '\(profile)': the term '\(term)' has no letters or digits")
        }
    }
}
