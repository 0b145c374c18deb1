import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a small XML document (an OPF, a ComicInfo.xml, an XMP packet).
///
/// Metadata documents are a few KiB and read once, so a plain tree is simpler to query
/// than SAX callbacks. Names are kept both qualified (`dc:title`) and local (`title`):
/// OPF files disagree on prefixes, so most lookups go by local name, case-insensitively.
struct MarkupNode: Sendable {
    var qualifiedName: String
    /// Attributes keyed by local name (`opf:scheme` is `scheme`); the first of two equal local names wins.
    var attributes: [String: String]
    /// Character data directly inside this element, untrimmed.
    var text: String
    var children: [MarkupNode]

    var name: Substring { qualifiedName.split(separator: ":").last ?? Substring(qualifiedName) }
    var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    func attribute(_ localName: String) -> String? {
        if let exact = attributes[localName] { return exact }
        return attributes.first { $0.key.caseInsensitiveCompare(localName) == .orderedSame }?.value
    }

    func `is`(_ localName: String) -> Bool { name.caseInsensitiveCompare(localName) == .orderedSame }

    /// Direct children with this local name.
    func children(named localName: String) -> [MarkupNode] { children.filter { $0.is(localName) } }

    /// The first element with this local name, depth first, this one included.
    func first(named localName: String) -> MarkupNode? {
        if self.is(localName) { return self }
        for child in children { if let found = child.first(named: localName) { return found } }
        return nil
    }

    /// Every element with this local name below this one, in document order.
    func descendants(named localName: String) -> [MarkupNode] {
        var found: [MarkupNode] = []
        for child in children {
            if child.is(localName) { found.append(child) }
            found.append(contentsOf: child.descendants(named: localName))
        }
        return found
    }

    /// Every element whose qualified name is exactly `qualifiedName` (`dc:title`), in document order.
    func descendants(qualified qualifiedName: String) -> [MarkupNode] {
        var found: [MarkupNode] = []
        for child in children {
            if child.qualifiedName == qualifiedName { found.append(child) }
            found.append(contentsOf: child.descendants(qualified: qualifiedName))
        }
        return found
    }
}

/// Parses bounded XML bytes into a `MarkupNode` tree with FoundationXML's `XMLParser`.
///
/// Documents with entity declarations are refused before parsing: metadata never needs
/// them, and they are how "billion laughs" files blow up a parser. External entities are
/// never resolved, and the tree is capped in elements, depth and text.
enum MarkupParser {
    static let maxElements = 100_000
    static let maxDepth = 256
    static let maxTextPerElement = 1 << 20

    /// - Parameter what: the document's role, for the error message ("the OPF package document").
    static func parse(_ bytes: [UInt8], path: String, what: String) throws -> MarkupNode {
        guard let parser = SafeXMLParser.make(Data(bytes)) else {
            throw MetadataError.corrupt(path, "\(what) declares XML entities, which seedtui refuses to expand")
        }
        let builder = TreeBuilder()
        parser.delegate = builder
        let parsed = parser.parse()
        if let limit = builder.limitHit {
            throw MetadataError.tooLarge(path, "\(what) has \(limit)")
        }
        guard parsed, let root = builder.root else {
            let reason = parser.parserError.map { " (\(($0 as NSError).code))" } ?? ""
            throw MetadataError.corrupt(path, "\(what) is not well-formed XML\(reason)")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [MarkupNode] = []
    var root: MarkupNode?
    var elements = 0
    var limitHit: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        elements += 1
        if elements > MarkupParser.maxElements { return stop(parser, "more than \(MarkupParser.maxElements) elements") }
        if stack.count >= MarkupParser.maxDepth { return stop(parser, "elements nested deeper than \(MarkupParser.maxDepth)") }
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict {
            let local = key.split(separator: ":").last.map(String.init) ?? key
            if attributes[local] == nil || !key.contains(":") { attributes[local] = value }
        }
        stack.append(MarkupNode(qualifiedName: qName ?? elementName, attributes: attributes, text: "", children: []))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard let node = stack.popLast() else { return }
        if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { append(string) }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { append(String(decoding: CDATABlock, as: UTF8.self)) }

    private func append(_ string: String) {
        guard !stack.isEmpty else { return }
        if stack[stack.count - 1].text.utf8.count + string.utf8.count <= MarkupParser.maxTextPerElement {
            stack[stack.count - 1].text += string
        }
    }

    private func stop(_ parser: XMLParser, _ reason: String) {
        if limitHit == nil { limitHit = reason }
        parser.abortParsing()
    }
}
