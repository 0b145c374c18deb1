import Engine
import Foundation

/// The Search tab: one indexer search at a time, its judged releases, and a cursor.
///
/// A search is a `Request` with a serial number; the engine link runs it off the UI thread
/// when the serial changes and answers with the same serial, so the answer to a search the
/// user has since replaced is dropped instead of shown under the new query.
struct SearchState: PlainCursorList {
    struct Request: Equatable, Sendable {
        var serial: Int
        var text: String
        var type: WantedType?

        /// What the prompt shows again: `tv: text` when typed.
        var promptText: String { type.map { "\($0.rawValue): \(text)" } ?? text }
    }

    private(set) var request: Request?
    private(set) var result: Methods.Search.Result?
    private(set) var error: String?
    var cursor = 0
    var scroll = 0

    var releases: [Decision] { result?.releases ?? [] }
    var loading: Bool { request != nil && result == nil && error == nil }
    var current: Decision? { releases.indices.contains(cursor) ? releases[cursor] : nil }

    /// Starts a search for what the user typed; false when there is nothing to search for.
    mutating func start(_ typed: String) -> Bool {
        let (text, type) = Self.parse(typed)
        guard !text.isEmpty else { return false }
        request = Request(serial: (request?.serial ?? 0) + 1, text: text, type: type)
        result = nil
        error = nil
        cursor = 0
        scroll = 0
        return true
    }

    mutating func set(_ new: Methods.Search.Result, serial: Int) {
        guard serial == request?.serial else { return }
        result = new
        cursor = max(0, min(cursor, new.releases.count - 1))
    }

    mutating func fail(_ message: String, serial: Int) {
        guard serial == request?.serial else { return }
        error = message
    }

    var rowCount: Int { releases.count }

    /// `tv: the wire s01e02` searches for tv; a prefix that names no type is part of the query
    /// ("Mission: Impossible" stays whole).
    static func parse(_ typed: String) -> (text: String, type: WantedType?) {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        if let colon = trimmed.firstIndex(of: ":"), let type = WantedType(text: String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces)) {
            return (String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces), type)
        }
        return (trimmed, nil)
    }
}
