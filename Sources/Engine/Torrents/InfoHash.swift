import CTorrent

/// A torrent's 20-byte "best" info-hash, the key shared by libtorrent, the database and selectors.
public struct InfoHash: Hashable, Sendable, CustomStringConvertible, Comparable {
    public let hex: String

    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.count == 40, lower.allSatisfy({ $0.isHexDigit }) else { return nil }
        self.hex = lower
    }

    init(_ raw: st_hash) {
        var hash = raw
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 40)
        withUnsafeBytes(of: &hash.bytes) { bytes in
            for (i, b) in bytes.enumerated() {
                out[i * 2] = digits[Int(b >> 4)]
                out[i * 2 + 1] = digits[Int(b & 0xF)]
            }
        }
        hex = String(decoding: out, as: UTF8.self)
    }

    var raw: st_hash {
        var result = st_hash()
        let chars = Array(hex.utf8)
        func nibble(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : c - 48 }
        withUnsafeMutableBytes(of: &result.bytes) { bytes in
            for i in 0..<20 { bytes[i] = nibble(chars[i * 2]) << 4 | nibble(chars[i * 2 + 1]) }
        }
        return result
    }

    public var description: String { hex }
    public static func < (a: InfoHash, b: InfoHash) -> Bool { a.hex < b.hex }
}
