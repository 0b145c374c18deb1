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
            throw IndexerError.malformed("not well-formed XML \(XMLTree.place(line: line, column: column))")
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
}
