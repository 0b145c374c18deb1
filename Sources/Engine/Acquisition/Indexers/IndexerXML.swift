import Foundation

/// One element of an indexer answer (caps, an RSS feed, an `<error/>`); see `XMLTreeNode`.
typealias IndexerXMLNode = XMLTreeNode

/// Turns the bytes an indexer sent into an `IndexerXMLNode` tree, or the `IndexerError` that
/// says why they are not one.
///
/// Refused before parsing: HTML pages (login forms, Cloudflare challenges), and documents that
/// declare entities ("billion laughs"). External entities are never resolved; the tree is
/// capped in elements and depth so a hostile answer cannot exhaust memory.
enum IndexerXML {
    static let limits = XMLTree.Limits(elements: 500_000, depth: 64, textPerElement: 64 * 1024)

    static func parse(_ data: Data) throws -> IndexerXMLNode {
        let bytes = strippedPrefix(data)
        if bytes.isEmpty { throw IndexerError.malformed("the answer is empty") }
        if let html = htmlPage(bytes) { throw IndexerError.htmlPage(title: html) }
        switch XMLTree.parse(Data(bytes), limits: limits) {
        case .success(let root):
            if root.localName == "html" { throw IndexerError.htmlPage(title: root.child(named: "head")?.child(named: "title")?.trimmedText) }
            return root
        case .failure(.entityDeclarations):
            throw IndexerError.malformed("the document declares XML entities, which are refused")
        case .failure(.limit(let limit)):
            throw IndexerError.malformed(limit)
        case .failure(.notWellFormed(let line, let column, _, let startedAsHTML)):
            if startedAsHTML { throw IndexerError.htmlPage(title: nil) }
            throw IndexerError.malformed("not well-formed XML near line \(line), column \(column)")
        }
    }

    /// The answer without a byte order mark and leading blanks (some servers send both before `<?xml`).
    static func strippedPrefix(_ data: Data) -> Data {
        var start = data.startIndex
        if data.count >= 3, data[start] == 0xEF, data[start + 1] == 0xBB, data[start + 2] == 0xBF { start += 3 }
        while start < data.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(data[start]) { start += 1 }
        return data[start...]
    }

    /// The title of an HTML page ("" when it has none), or nil when the bytes do not look like HTML.
    static func htmlPage(_ bytes: Data) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        let xmlStart = ["<?xml", "<rss", "<caps", "<error"].contains { head.hasPrefix($0) }
        guard head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || (!xmlStart && head.contains("<html")) else { return nil }
        let text = String(decoding: bytes.prefix(64 * 1024), as: UTF8.self)
        guard let open = text.range(of: "<title", options: .caseInsensitive),
              let close = text.range(of: ">", range: open.upperBound..<text.endIndex),
              let end = text.range(of: "</title>", options: .caseInsensitive, range: close.upperBound..<text.endIndex) else { return "" }
        return String(text[close.upperBound..<end.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads RFC 822 dates as RSS writes them ("Sat, 14 Mar 2015 17:10:42 -0400", weekday and
    /// seconds optional, numeric or named zones), or ISO 8601. Hand-written: a `DateFormatter`
    /// costs more to make than a whole page of items costs to read. One per document.
    final class DateReader {
        private lazy var iso = ISO8601DateFormatter()

        func date(_ text: String) -> Date? {
            let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !t.isEmpty else { return nil }
            return rfc822(t) ?? iso.date(from: t)
        }

        private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        private static let zones: [String: Int] = ["gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360,
                                                   "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420]

        func rfc822(_ t: String) -> Date? {
            var parts = t.split(separator: " ").map { String($0) }
            if let first = parts.first, first.hasSuffix(",") || Int(first) == nil { parts.removeFirst() }
            guard parts.count >= 4, let day = Int(parts[0]), (1...31).contains(day),
                  let month = Self.months.firstIndex(of: String(parts[1].prefix(3)).lowercased()),
                  var year = Int(parts[2]) else { return nil }
            if year < 100 { year += year < 70 ? 2000 : 1900 }
            let clock = parts[3].split(separator: ":").map { Int($0) }
            guard clock.count >= 2, clock.allSatisfy({ $0 != nil }) else { return nil }
            let hour = clock[0]!, minute = clock[1]!, second = clock.count > 2 ? clock[2]! : 0
            guard hour < 24, minute < 60, second < 61 else { return nil }
            var offset = 0
            if parts.count > 4 {
                let z = parts[4]
                if let sign = z.first, sign == "+" || sign == "-", z.count == 5, let n = Int(z.dropFirst()) {
                    offset = (n / 100 * 60 + n % 100) * (sign == "-" ? -1 : 1)
                } else if let named = Self.zones[z.lowercased()] {
                    offset = named
                } else {
                    return nil
                }
            }
            // Days from the civil date (Howard Hinnant's algorithm), then seconds.
            let y = month < 2 ? year - 1 : year
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let m = month + 1
            let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            let days = era * 146097 + doe - 719468
            let seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset * 60
            return Date(timeIntervalSince1970: Double(seconds))
        }
    }
}
