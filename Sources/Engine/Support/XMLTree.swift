import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a small XML document read whole: an indexer answer, an OPF package, a
/// ComicInfo.xml, an XMP packet.
///
/// These documents are a few KiB to a few MiB and read once, so a plain tree is simpler to
/// query than SAX callbacks. Producers disagree on prefixes (`torznab:attr`, `newznab:attr`,
/// `dc:title`, none) and on case, so lookups go by local name, case-insensitively; the name as
/// written stays for messages and exact (`dc:title`) lookups.
struct XMLTreeNode: Sendable {
    /// The element's name as written, prefix included.
    let name: String
    /// The name without its prefix, lowercased: made once, since lookups compare it for every
    /// child (an RSS item is asked for a dozen of them).
    let localName: String
    /// Attributes as written (prefixed names included); `attribute(_:)` looks them up.
    var attributes: [String: String]
    /// Character data directly inside this element, untrimmed.
    var text: String
    var children: [XMLTreeNode]

    init(name: String, attributes: [String: String], text: String, children: [XMLTreeNode]) {
        self.name = name
        localName = (name.split(separator: ":").last.map(String.init) ?? name).lowercased()
        self.attributes = attributes
        self.text = text
        self.children = children
    }
    var trimmedText: String { XMLTree.trimmed(text) }

    /// The attribute named exactly `key`, else one whose local name is `key` in any case (an
    /// unprefixed one first: `scheme` before `opf:scheme`).
    func attribute(_ key: String) -> String? {
        if let exact = attributes[key] { return exact }
        var prefixed: String?
        for (name, value) in attributes {
            let local = name.split(separator: ":").last.map(String.init) ?? name
            guard local.caseInsensitiveCompare(key) == .orderedSame else { continue }
            if !name.contains(":") { return value }
            prefixed = prefixed ?? value
        }
        return prefixed
    }

    func `is`(_ local: String) -> Bool { localName == local.lowercased() }

    /// Direct children with this local name.
    func children(named local: String) -> [XMLTreeNode] {
        let wanted = local.lowercased()
        return children.filter { $0.localName == wanted }
    }

    func child(named local: String) -> XMLTreeNode? {
        let wanted = local.lowercased()
        return children.first { $0.localName == wanted }
    }

    /// The first element with this local name, depth first, this one included.
    func first(named local: String) -> XMLTreeNode? {
        if self.is(local) { return self }
        for child in children { if let found = child.first(named: local) { return found } }
        return nil
    }

    /// Every element with this local name below this one, in document order.
    func descendants(named local: String) -> [XMLTreeNode] {
        var found: [XMLTreeNode] = []
        for child in children {
            if child.is(local) { found.append(child) }
            found.append(contentsOf: child.descendants(named: local))
        }
        return found
    }

    /// Every element named exactly `name` as written (`dc:title`), in document order.
    func descendants(qualified name: String) -> [XMLTreeNode] {
        var found: [XMLTreeNode] = []
        for child in children {
            if child.name == name { found.append(child) }
            found.append(contentsOf: child.descendants(qualified: name))
        }
        return found
    }
}

/// Reads untrusted XML bytes into an `XMLTreeNode` tree, within limits, through `SafeXMLParser`.
///
/// The callers turn a failure into their own message (an indexer's, a book's); what they share
/// is the refusal of entity declarations, the caps on elements, depth and text that keep a
/// hostile document from exhausting memory, and the tree building itself.
enum XMLTree {
    struct Limits: Sendable {
        var elements: Int
        var depth: Int
        /// Text kept per element; more is dropped.
        var textPerElement: Int
    }

    enum Failure: Error, Equatable {
        /// The document declares entities, which are refused before parsing.
        case entityDeclarations
        /// A limit was hit ("more than 100000 elements").
        case limit(String)
        /// Not well-formed; `startedAsHTML` when the first element was `<html>`.
        case notWellFormed(line: Int, column: Int, code: Int?, startedAsHTML: Bool)
    }

    /// `text` without white space at its ends. Most values have none: those are returned as
    /// they are, without Foundation's character-set walk.
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        @inline(__always) func plain(_ b: UInt8) -> Bool { b > 32 && b < 0x80 }
        if plain(first) && plain(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func parse(_ data: Data, limits: Limits) -> Result<XMLTreeNode, Failure> {
        guard let parser = SafeXMLParser.make(data) else { return .failure(.entityDeclarations) }
        let builder = Builder(limits: limits)
        parser.delegate = builder
        let parsed = parser.parse()
        if let limit = builder.limitHit { return .failure(.limit(limit)) }
        guard parsed, let root = builder.root else {
            return .failure(.notWellFormed(line: parser.lineNumber, column: parser.columnNumber,
                                           code: parser.parserError.map { ($0 as NSError).code }, startedAsHTML: builder.sawHTML))
        }
        return .success(root)
    }

    private final class Builder: NSObject, XMLParserDelegate {
        let limits: Limits
        var stack: [XMLTreeNode] = []
        var root: XMLTreeNode?
        var elements = 0
        var limitHit: String?
        var sawHTML = false

        init(limits: Limits) { self.limits = limits }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            elements += 1
            if elements == 1, elementName.lowercased() == "html" { sawHTML = true }
            if elements > limits.elements { return stop(parser, "more than \(limits.elements) elements") }
            if stack.count >= limits.depth { return stop(parser, "elements nested deeper than \(limits.depth)") }
            stack.append(XMLTreeNode(name: qName ?? elementName, attributes: attributeDict, text: "", children: []))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            guard let node = stack.popLast() else { return }
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { append(string) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { append(String(decoding: CDATABlock, as: UTF8.self)) }

        private func append(_ string: String) {
            guard !stack.isEmpty, stack[stack.count - 1].text.utf8.count + string.utf8.count <= limits.textPerElement else { return }
            stack[stack.count - 1].text += string
        }

        private func stop(_ parser: XMLParser, _ reason: String) {
            if limitHit == nil { limitHit = reason }
            parser.abortParsing()
        }
    }
}
