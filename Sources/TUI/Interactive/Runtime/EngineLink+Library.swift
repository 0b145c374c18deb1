import Engine
import Foundation

/// What the link last sent the Library tab, so only changes cross.
struct LibraryPoll {
    var roots: [Methods.LibraryRoots.Root]?
    /// Per type, the roots' state its items were fetched at.
    var fetched: [LibraryType: String] = [:]
    var search = ""
    var show: Int64?
    var scan: ScanProgress?
}

extension EngineLink {
    /// Roots and scan progress every poll (both small); a type's items again only when its
    /// roots changed (a scan added or removed files); the search and the item on request.
    func pollLibrary(_ c: EngineClient, wants: Interest, poll: inout LibraryPoll, commandsRan: Bool) throws {
        let roots = try c.call(Methods.LibraryRoots())
        if roots != poll.roots {
            poll.roots = roots
            publishUpdate(.libraryRoots(roots))
        }
        let scan = try c.call(Methods.LibraryScanStatus(id: nil))
        let scanFinished = poll.scan?.phase != scan?.phase && (scan?.phase == .done || scan?.phase == .failed)
        if scan != poll.scan {
            poll.scan = scan
            publishUpdate(.scan(scan))
        }
        for type in wants.libraryTypes {
            let signature = roots.filter { $0.type == type }.map { "\($0.id):\($0.items):\($0.bytes):\($0.scannedAt ?? 0)" }.joined(separator: ",")
            guard poll.fetched[type] != signature || scanFinished else { continue }
            let raw = try c.call(Methods.LibraryList(type: type.rawValue, limit: 50_000))
            let items = (try? JSONDecoder().decode([LibraryItem].self, from: Data(raw.bytes))) ?? []
            poll.fetched[type] = signature
            publishUpdate(.libraryItems(type, items))
        }
        for type in poll.fetched.keys where !wants.libraryTypes.contains(type) { poll.fetched.removeValue(forKey: type) }
        if wants.librarySearch != poll.search || (scanFinished && !wants.librarySearch.isEmpty) {
            poll.search = wants.librarySearch
            if !wants.librarySearch.isEmpty {
                let items: [LibraryItem]
                do {
                    let raw = try c.call(Methods.LibraryList(query: wants.librarySearch, limit: 500))
                    items = (try? JSONDecoder().decode([LibraryItem].self, from: Data(raw.bytes))) ?? []
                } catch let error as EngineError {
                    publishUpdate(.message(error.message, isError: true))
                    items = []
                }
                publishUpdate(.librarySearch(wants.librarySearch, items))
            }
        }
        if let id = wants.libraryShow, id != poll.show || commandsRan || scanFinished {
            poll.show = id
            let raw = try c.call(Methods.LibraryShow(id: id))
            struct Shown: Decodable { var item: LibraryItem; var detail: ItemDetail? }
            if let shown = try? JSONDecoder().decode(Shown.self, from: Data(raw.bytes)) {
                publishUpdate(.libraryShow(.init(item: shown.item, detail: shown.detail)))
            }
        } else if wants.libraryShow == nil {
            poll.show = nil
        }
    }
}
