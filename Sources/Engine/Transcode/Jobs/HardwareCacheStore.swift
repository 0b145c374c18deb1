import Foundation
import GRDB

/// The hardware detection cache, one row in `hardware_cache`: detection trials take seconds,
/// so the report is reused while the machine's fingerprint matches (see `HardwareDetector`).
enum HardwareCacheStore {
    static func load(_ store: Store) -> HardwareCache? {
        guard let text = try? store.pool.read({ try String.fetchOne($0, sql: "SELECT cache_json FROM hardware_cache WHERE id = 1") })
        else { return nil }
        return try? HardwareCache(jsonData: Data(text.utf8))
    }

    static func save(_ cache: HardwareCache, _ store: Store) {
        guard let data = try? cache.jsonData() else { return }
        try? store.pool.write { db in
            try db.execute(sql: """
                INSERT INTO hardware_cache(id, cache_json, updated_at) VALUES (1, ?, ?)
                ON CONFLICT(id) DO UPDATE SET cache_json = excluded.cache_json, updated_at = excluded.updated_at
                """, arguments: [String(decoding: data, as: UTF8.self), Int64(Date().timeIntervalSince1970)])
        }
    }
}
