import CXML
import Foundation
#if canImport(Glibc)
import Glibc
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
        localName = XMLTree.folded(XMLTree.localPart(name))
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
            guard XMLTree.localPart(name).caseInsensitiveCompare(key) == .orderedSame else { continue }
            if !name.contains(":") { return value }
            prefixed = prefixed ?? value
        }
        return prefixed
    }

    func `is`(_ local: String) -> Bool { localName == XMLTree.folded(local[...]) }

    /// Direct children with this local name.
    func children(named local: String) -> [XMLTreeNode] {
        let wanted = XMLTree.folded(local[...])
        return children.filter { $0.localName == wanted }
    }

    func child(named local: String) -> XMLTreeNode? {
        let wanted = XMLTree.folded(local[...])
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

/// The one way untrusted XML (indexer answers, podcast feeds, OPML, book, comic and photo
/// metadata) is read: bytes into an `XMLTreeNode` tree, within limits.
///
/// A document that declares entities is refused before parsing ("billion laughs", external
/// entities); nothing is ever fetched; names are kept as written (prefixes differ between
/// producers, so readers match local names). The callers turn a failure into their own message
/// (an indexer's, a book's); what they share is that refusal, the caps on elements, depth and
/// text that keep a hostile document from exhausting memory, and the tree building itself.
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

    /// Where a document broke, for a message: "near line 2, column 19". libxml2 gives no
    /// position when the bytes do not decode in the document's encoding.
    static func place(line: Int, column: Int) -> String {
        line > 0 ? "near line \(line), column \(column)" : "at its start, or its bytes are not in the encoding it declares"
    }

    /// `text` without white space at its ends. Most values have none: those are returned as
    /// they are, without Foundation's character-set walk.
    /// `name` lowercased; most names and every name the code asks for are lowercase ASCII
    /// already, and those are returned without going through Unicode case mapping.
    static func folded(_ name: Substring) -> String {
        for b in name.utf8 where b &- 65 < 26 || b >= 0x80 { return name.lowercased() }
        return String(name)
    }

    /// "torznab:attr" → "attr"; a name without a prefix as it is.
    static func localPart(_ name: String) -> Substring {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name[...] }
        return name[name.utf8.index(after: colon)...]
    }

    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        @inline(__always) func plain(_ b: UInt8) -> Bool { b > 32 && b < 0x80 }
        if plain(first) && plain(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads `data` with libxml2's SAX2 parser straight into the tree. Documents that declare
    /// entities are refused first, so entity substitution can only ever expand the predefined
    /// ones and character references; nothing is fetched from the network.
    static func parse(_ data: Data, limits: Limits) -> Result<XMLTreeNode, Failure> {
        guard !declaresEntities(data) else { return .failure(.entityDeclarations) }
        _ = libraryReady
        // Errors raised outside the parser context (a failed encoding conversion) would go to
        // stderr, and into the screen when the TUI runs a command: the context keeps the error.
        // The handlers are per thread, and any thread may parse.
        xmlSetStructuredErrorFunc(nil, { _, _ in })
        seedtui_xml_silence()
        guard data.count < Int(Int32.max) else { return .failure(.limit("more than 2 GiB")) }
        let builder = Builder(limits: limits)
        var sax = Builder.handler
        let box = Unmanaged.passUnretained(builder).toOpaque()
        guard let ctxt = xmlCreatePushParserCtxt(&sax, box, nil, 0, nil) else { return .failure(.limit("no memory for the parser")) }
        defer { xmlFreeParserCtxt(ctxt) }
        // NOENT expands the predefined entities in attribute values too (there can be no others).
        xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOENT.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        builder.context = ctxt
        // Pushed in pieces: libxml2 refuses a single input over 10 MB without XML_PARSE_HUGE,
        // and feeds and indexer answers may be up to 16 MiB.
        let status = data.withUnsafeBytes { raw -> Int32 in
            let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var offset = 0
            while offset < raw.count {
                let piece = min(64 * 1024, raw.count - offset)
                let status = xmlParseChunk(ctxt, base! + offset, Int32(piece), 0)
                if status != 0 || builder.limitHit != nil { return status }
                offset += piece
            }
            return xmlParseChunk(ctxt, nil, 0, 1)
        }
        if let limit = builder.limitHit { return .failure(.limit(limit)) }
        guard status == 0, let root = builder.root else {
            let error = xmlCtxtGetLastError(ctxt)
            return .failure(.notWellFormed(line: Int(error?.pointee.line ?? 0), column: Int(error?.pointee.int2 ?? 0),
                                           code: error.map { Int($0.pointee.code) } ?? (status == 0 ? nil : Int(status)),
                                           startedAsHTML: builder.sawHTML))
        }
        return .success(root)
    }

    /// Each "<" found with memchr, then the bytes after it compared: `Data.firstRange(of:)`
    /// compared byte by byte through generic collection code and took an eighth of an RSS sync.
    static func declaresEntities(_ data: Data) -> Bool {
        let needle = Array("<!ENTITY".utf8)
        return data.withUnsafeBytes { (haystack: UnsafeRawBufferPointer) -> Bool in
            guard let base = haystack.baseAddress, haystack.count >= needle.count else { return false }
            var offset = 0
            while offset <= haystack.count - needle.count {
                guard let hit = memchr(base + offset, Int32(needle[0]), haystack.count - needle.count + 1 - offset) else { return false }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, needle, needle.count) == 0 { return true }
                offset = at + 1
            }
            return false
        }
    }

    /// libxml2 sets up its globals once, before any thread parses: indexers are read in parallel.
    private static let libraryReady: Void = {
        xmlInitParser()
        xmlThrDefSetStructuredErrorFunc(nil, { _, _ in })
        seedtui_xml_silence_new_threads()
    }()

    /// Collects the SAX2 events of one parse into nodes; the C callbacks find it through their
    /// user-data pointer.
    private final class Builder {
        let limits: Limits
        var stack: [XMLTreeNode] = []
        var root: XMLTreeNode?
        var elements = 0
        var limitHit: String?
        var sawHTML = false
        var context: xmlParserCtxtPtr?

        init(limits: Limits) { self.limits = limits }

        static func from(_ ctx: UnsafeMutableRawPointer?) -> Builder { Unmanaged<Builder>.fromOpaque(ctx!).takeUnretainedValue() }

        /// "prefix:local" as written, from SAX2's separate parts.
        static func qualified(_ local: UnsafePointer<xmlChar>?, _ prefix: UnsafePointer<xmlChar>?) -> String {
            let name = local.map { String(cString: $0) } ?? ""
            guard let prefix else { return name }
            return String(cString: prefix) + ":" + name
        }

        /// Copied into each parser context, never changed.
        nonisolated(unsafe) static let handler: xmlSAXHandler = {
            var h = xmlSAXHandler()
            h.initialized = XML_SAX2_MAGIC
            h.startElementNs = { ctx, local, prefix, _, _, _, count, _, attributes in
                let b = Builder.from(ctx)
                var dict: [String: String] = [:]
                if count > 0, let attributes {
                    dict.reserveCapacity(Int(count))
                    for i in 0..<Int(count) {
                        // Five pointers an attribute: local name, prefix, URI, value start, value end.
                        let name = qualified(attributes[5 * i], attributes[5 * i + 1])
                        guard let start = attributes[5 * i + 3], let end = attributes[5 * i + 4] else { continue }
                        dict[name] = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                    }
                }
                b.start(qualified(local, prefix), attributes: dict)
            }
            h.endElementNs = { ctx, _, _, _ in Builder.from(ctx).end() }
            h.characters = { ctx, text, length in Builder.from(ctx).append(text, length) }
            h.ignorableWhitespace = h.characters
            h.cdataBlock = h.characters
            return h
        }()

        func start(_ name: String, attributes: [String: String]) {
            elements += 1
            if elements == 1, name.lowercased() == "html" { sawHTML = true }
            if elements > limits.elements { return stop("more than \(limits.elements) elements") }
            if stack.count >= limits.depth { return stop("elements nested deeper than \(limits.depth)") }
            stack.append(XMLTreeNode(name: name, attributes: attributes, text: "", children: []))
        }

        func end() {
            guard limitHit == nil, let node = stack.popLast() else { return }
            if stack.isEmpty { root = node } else { stack[stack.count - 1].children.append(node) }
        }

        /// Text past `textPerElement` is cut there, once: what follows the cut is dropped too,
        /// so no element keeps text with a hole in it.
        func append(_ text: UnsafePointer<xmlChar>?, _ length: Int32) {
            guard limitHit == nil, let text, length > 0, !stack.isEmpty else { return }
            let kept = stack[stack.count - 1].text.utf8.count
            guard kept < limits.textPerElement else { return }
            let take = min(Int(length), limits.textPerElement - kept)
            stack[stack.count - 1].text += String(decoding: UnsafeBufferPointer(start: text, count: take), as: UTF8.self)
        }

        private func stop(_ reason: String) {
            if limitHit == nil { limitHit = reason }
            if let context { xmlStopParser(context) }
        }
    }
}
