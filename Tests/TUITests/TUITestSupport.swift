@testable import Engine
@testable import seedtui
import XCTest

func snapshot(id: Int64, name: String, state: TorrentState = .downloading, progress: Double = 0.5, size: Int64 = 1_000_000,
              down: Int64 = 0, up: Int64 = 0, queue: Int = 0, category: String? = nil) -> TorrentSnapshot {
    TorrentSnapshot(id: id, infoHash: String(format: "%040x", id), name: name, state: state, progress: progress, size: size,
                    completed: Int64(Double(size) * progress), downloaded: 0, uploaded: 0, ratio: 0, downRate: down, upRate: up,
                    peers: 1, seeds: 1, swarmPeers: 0, swarmSeeds: 0, eta: down > 0 ? 60 : nil, savePath: "/srv", category: category,
                    tags: [], addedAt: 1_700_000_000 + id, completedAt: nil, queuePosition: queue, seedingTime: 0,
                    downloadLimit: 0, uploadLimit: 0, sequential: false, error: nil)
}

func page(_ torrents: [TorrentSnapshot], revision: UInt64 = 1) -> Methods.ListPage {
    Methods.ListPage(revision: revision, complete: true, removed: [], torrents: torrents)
}

/// A state sized like a terminal, connected, with the given rows.
func makeState(_ torrents: [TorrentSnapshot], rows: Int = 24, columns: Int = 100) -> AppState {
    var state = AppState(keymap: try! Keymap())
    state.rows = rows
    state.columns = columns
    state.apply(.connection(up: true, message: "connected"))
    state.apply(.list(page(torrents)))
    return state
}

/// Composes a frame and draws it on an in-memory grid.
func render(_ state: AppState) -> GridScreen {
    let grid = GridScreen(rows: state.rows, columns: state.columns)
    Renderer().render(Frame.compose(state), on: grid)
    return grid
}

extension AppState {
    mutating func press(_ keys: String) {
        for name in keys.split(separator: " ") {
            guard let key = Key(name: String(name)) else { XCTFail("bad key \(name)"); continue }
            _ = reduce(key)
        }
    }

    mutating func type(_ text: String) {
        for ch in text { _ = reduce(.char(ch)) }
    }
}
