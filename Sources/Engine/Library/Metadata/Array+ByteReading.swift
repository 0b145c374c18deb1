#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bounds-checked integer and pattern reads over file bytes.
///
/// Binary headers come from untrusted files, so every read returns nil instead of trapping
/// when the offset runs past the end; callers turn a nil into a `MetadataError`.
extension Array where Element == UInt8 {
    func byte(at i: Int) -> Int? {
        i >= 0 && i < count ? Int(self[i]) : nil
    }

    func beUInt16(at i: Int) -> Int? {
        guard i >= 0, i <= count - 2 else { return nil }
        return Int(self[i]) << 8 | Int(self[i + 1])
    }

    func leUInt16(at i: Int) -> Int? {
        guard i >= 0, i <= count - 2 else { return nil }
        return Int(self[i + 1]) << 8 | Int(self[i])
    }

    func beUInt24(at i: Int) -> Int? {
        guard i >= 0, i <= count - 3 else { return nil }
        return Int(self[i]) << 16 | Int(self[i + 1]) << 8 | Int(self[i + 2])
    }

    func leUInt24(at i: Int) -> Int? {
        guard i >= 0, i <= count - 3 else { return nil }
        return Int(self[i + 2]) << 16 | Int(self[i + 1]) << 8 | Int(self[i])
    }

    func beUInt32(at i: Int) -> Int? {
        guard i >= 0, i <= count - 4 else { return nil }
        return Int(self[i]) << 24 | Int(self[i + 1]) << 16 | Int(self[i + 2]) << 8 | Int(self[i + 3])
    }

    func leUInt32(at i: Int) -> Int? {
        guard i >= 0, i <= count - 4 else { return nil }
        return Int(self[i + 3]) << 24 | Int(self[i + 2]) << 16 | Int(self[i + 1]) << 8 | Int(self[i])
    }

    func beUInt64(at i: Int) -> UInt64? {
        guard i >= 0, i <= count - 8 else { return nil }
        var value: UInt64 = 0
        for k in 0..<8 { value = value << 8 | UInt64(self[i + k]) }
        return value
    }

    /// `count` bytes at `i` as ASCII (four-character codes, magic strings).
    func ascii(at i: Int, count n: Int) -> String? {
        guard i >= 0, n >= 0, i <= count - n else { return nil }
        return String(decoding: self[i..<(i + n)], as: UTF8.self)
    }

    /// Whether `pattern` occurs at `i`.
    func hasBytes(_ pattern: [UInt8], at i: Int) -> Bool {
        guard i >= 0, i <= count - pattern.count else { return false }
        for k in 0..<pattern.count where self[i + k] != pattern[k] { return false }
        return true
    }

    /// First index of `pattern` in `from..<end` (the whole array by default).
    func firstIndex(of pattern: [UInt8], from: Int = 0, end: Int? = nil) -> Int? {
        let stop = Swift.min(end ?? count, count)
        let start = Swift.max(from, 0)
        guard !pattern.isEmpty, stop - start >= pattern.count else { return nil }
        let first = Int32(pattern[0])
        let last = stop - pattern.count
        return withUnsafeBytes { hay -> Int? in
            let base = hay.baseAddress!
            var i = start
            while i <= last {
                guard let hit = memchr(base + i, first, last - i + 1) else { return nil }
                let at = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + at, pattern, pattern.count) == 0 { return at }
                i = at + 1
            }
            return nil
        }
    }

    /// Last index of `pattern` that starts before `before` (the end by default).
    func lastIndex(of pattern: [UInt8], before: Int? = nil) -> Int? {
        let limit = Swift.min(before ?? count, count - pattern.count + 1)
        guard !pattern.isEmpty, limit > 0 else { return nil }
        var i = limit - 1
        while i >= 0 {
            if self[i] == pattern[0] && hasBytes(pattern, at: i) { return i }
            i -= 1
        }
        return nil
    }
}
