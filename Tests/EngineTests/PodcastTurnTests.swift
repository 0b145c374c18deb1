@testable import Engine
import Foundation
import Logging
import XCTest

/// Refreshes and removals of one podcast take turns: a second waits for the first to end and is
/// let in at that moment, in the order they came.
final class PodcastTurnTests: XCTestCase {
    func testTurnsAreHandedOverInOrder() async throws {
        let dir = NSTemporaryDirectory() + "podcast-turns-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Store(path: dir + "/db.sqlite")
        let logger = Logger(label: "test")
        let history = History(store: store, logger: logger)
        let service = PodcastService(store: store, history: history, logger: logger,
                                     library: LibraryService(store: store, history: history, logger: logger))
        let order = OrderLog()
        await service.waitTurn(7)
        let second = Task { await service.waitTurn(7); await order.add("second"); await service.endTurn(7) }
        // Let the second caller queue up before the third.
        while await service.turnWaiters[7]?.count != 1 { await Task.yield() }
        let third = Task { await service.waitTurn(7); await order.add("third"); await service.endTurn(7) }
        while await service.turnWaiters[7]?.count != 2 { await Task.yield() }
        await service.waitTurn(8)   // another podcast is not held up
        await service.endTurn(8)
        let waiting = await order.entries
        XCTAssertEqual(waiting, [], "nobody runs while the first turn lasts")
        await order.add("first")
        await service.endTurn(7)
        await second.value
        await third.value
        let entries = await order.entries
        XCTAssertEqual(entries, ["first", "second", "third"])
        let stillBusy = await service.busy.contains(7)
        XCTAssertFalse(stillBusy, "the last turn frees the podcast")
    }
}

private actor OrderLog {
    var entries: [String] = []
    func add(_ s: String) { entries.append(s) }
}
