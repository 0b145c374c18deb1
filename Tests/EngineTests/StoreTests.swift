@testable import Engine
import GRDB
import XCTest

final class StoreTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "store-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    func testCreatesAPrivateMigratedDatabase() throws {
        let path = dir + "/seedtui.db"
        let store = try Store(path: path)
        let mode = (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        let journal = try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(journal, "wal")
        let tables = try store.pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type='table'") }
        for t in ["torrent", "category", "setting", "event", "engine_state", "grdb_migrations"] { XCTAssertTrue(tables.contains(t), t) }
        XCTAssertEqual(try store.check(), [])
        // Opening again runs no migration twice.
        try store.pool.close()
        XCTAssertNoThrow(try Store(path: path))
    }

    func testCategoryForeignKeyClearsOnDelete() throws {
        let store = try Store(path: dir + "/fk.db")
        try store.pool.write { db in
            try CategoryRecord(name: "tv").insert(db)
            var t = TorrentRecord(id: nil, infoHash: String(repeating: "a", count: 40), name: "x", savePath: "/tmp", category: "tv",
                                  tags: "", source: nil, torrentFile: nil, resumeData: Data([1, 2]), addedAt: 1, completedAt: nil,
                                  shareDoneAt: nil, paused: false, sequential: false, downloadLimit: 0, uploadLimit: 0,
                                  queuePosition: nil, resumeSavedAt: nil)
            try t.insert(db)
            _ = try CategoryRecord.deleteOne(db, key: "tv")
        }
        let category = try store.pool.read { try String.fetchOne($0, sql: "SELECT category FROM torrent") }
        XCTAssertNil(category)
        XCTAssertEqual(try store.check(), [])
    }

    func testGarbageFileIsAClearError() throws {
        let path = dir + "/garbage.db"
        try Data(repeating: 0x42, count: 8192).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try Store(path: path)) { error in
            XCTAssertTrue("\(error)".contains("cannot be opened"), "\(error)")
        }
    }
}
