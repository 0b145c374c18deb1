import Foundation

/// A read-only view of the settings in force: stored values over defaults.
public struct Settings: Sendable {
    public var values: [String: String]

    public init(stored: [String: String]) {
        var merged: [String: String] = [:]
        for key in SettingKey.all { merged[key.name] = stored[key.name] ?? key.defaultValue }
        values = merged
    }

    public subscript(key: SettingKey) -> String { values[key.name] ?? key.defaultValue }

    public func int(_ key: SettingKey) -> Int64 { Int64(self[key]) ?? Int64(key.defaultValue) ?? 0 }
    public func double(_ key: SettingKey) -> Double { Double(self[key]) ?? Double(key.defaultValue) ?? 0 }
    public func bool(_ key: SettingKey) -> Bool { self[key] == "true" }
    public func path(_ key: SettingKey) -> String { self[key].expandingTilde }
}
