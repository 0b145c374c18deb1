/// Recognises ISBNs among the identifiers books carry.
///
/// Identifiers are free text: `urn:isbn:978-…`, `ISBN 0-306-40615-2`, a bare number, or a
/// UUID. A labelled value is accepted on its length alone; an unlabelled one must also
/// pass the check digit, so a 13-digit database id is not mistaken for an ISBN.
enum ISBN {
    /// The ISBN in `value`, digits only (final `X` kept), or nil.
    /// - Parameter labelled: the file says this is an ISBN (scheme attribute, EXTH 104).
    static func normalize(_ value: String, labelled: Bool = false) -> String? {
        var text = Substring(value.trimmingPrefixAndSpace())
        var isLabelled = labelled
        for prefix in ["urn:isbn:", "isbn:", "isbn"] where text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            isLabelled = true
            break
        }
        var digits = ""
        for ch in text {
            if ch.isASCII && ch.isNumber { digits.append(ch) }
            else if ch == "X" || ch == "x" { digits.append("X") }
            else if ch == "-" || ch == " " { continue }
            else { return nil }
        }
        guard digits.count == 10 || digits.count == 13 else { return nil }
        if digits.dropLast().contains("X") || (digits.count == 13 && digits.last == "X") { return nil }
        if digits.count == 13 && !(digits.hasPrefix("978") || digits.hasPrefix("979")) && !isLabelled { return nil }
        guard isLabelled || checksumValid(digits) else { return nil }
        return digits
    }

    static func checksumValid(_ digits: String) -> Bool {
        let values = digits.map { $0 == "X" ? 10 : Int(String($0)) ?? 0 }
        if values.count == 10 {
            let sum = values.enumerated().reduce(0) { $0 + (10 - $1.offset) * $1.element }
            return sum % 11 == 0
        }
        let sum = values.enumerated().reduce(0) { $0 + ($1.offset % 2 == 0 ? 1 : 3) * $1.element }
        return sum % 10 == 0
    }
}

private extension String {
    func trimmingPrefixAndSpace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
