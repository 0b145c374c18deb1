import Foundation

/// An element of a book, comic or photo metadata document; see `XMLTreeNode`.
typealias MarkupNode = XMLTreeNode

/// Parses a metadata document (an OPF, a ComicInfo.xml, an XMP packet) into a tree.
///
/// Documents with entity declarations are refused before parsing: metadata never needs them,
/// and they are how "billion laughs" files blow up a parser. External entities are never
/// resolved, and the tree is capped in elements, depth and text.
enum MarkupParser {
    static let limits = XMLTree.Limits(elements: 100_000, depth: 256, textPerElement: 1 << 20)

    /// - Parameter what: the document's role, for the error message ("the OPF package document").
    static func parse(_ bytes: [UInt8], path: String, what: String) throws -> MarkupNode {
        switch XMLTree.parse(Data(bytes), limits: limits) {
        case .success(let root): return root
        case .failure(.entityDeclarations):
            throw MetadataError.corrupt(path, "\(what) declares XML entities, which seedtui refuses to expand")
        case .failure(.limit(let limit)):
            throw MetadataError.tooLarge(path, "\(what) has \(limit)")
        case .failure(.notWellFormed(_, _, let code, _)):
            throw MetadataError.corrupt(path, "\(what) is not well-formed XML\(code.map { " (\($0))" } ?? "")")
        }
    }
}
