import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The one way untrusted XML (book metadata, indexer answers, podcast feeds, OPML) reaches
/// FoundationXML's `XMLParser`.
///
/// The parser expands internal entities, so a document that declares any is refused before
/// parsing ("billion laughs"); external entities are never resolved; namespaces are left as
/// written (prefixes differ between producers, so readers match local names).
enum SafeXMLParser {
    /// A parser for `data`, or nil when the document declares entities.
    static func make(_ data: Data) -> XMLParser? {
        guard !declaresEntities(data) else { return nil }
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        return parser
    }

    static func declaresEntities(_ data: Data) -> Bool {
        data.firstRange(of: Data("<!ENTITY".utf8)) != nil
    }
}
