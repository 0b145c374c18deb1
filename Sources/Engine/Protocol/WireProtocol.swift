import Foundation

/// The control protocol between clients and the engine: JSON lines over the home's Unix socket.
///
/// Request:  `{"v":1,"id":7,"method":"torrent.list","params":{...}}`
/// Success:  `{"id":7,"ok":true,"result":...}` — always this key order, so a client can
///           pass a large result through without decoding it.
/// Failure:  `{"id":7,"ok":false,"error":{"code":"not_found","message":"..."}}`
/// One request per line, answers in order. Documented in seedtui(1), PROTOCOL.
public enum WireProtocol {
    public static let version = 1
    /// Largest request line accepted (a .torrent travels base64-encoded inside it).
    public static let maxLineBytes = 64 * 1024 * 1024

    public struct RequestHeader: Decodable {
        public var v: Int?
        public var id: Int64?
        public var method: String?
    }

    public struct Request<Params: Encodable>: Encodable {
        public var v = WireProtocol.version
        public var id: Int64
        public var method: String
        public var params: Params
    }

    struct ParamsOnly<Params: Decodable>: Decodable { var params: Params }

    public struct ErrorBody: Codable, Sendable { public var code: String; public var message: String }
    public struct FailureLine: Decodable { public var id: Int64?; public var ok: Bool; public var error: ErrorBody? }

    public static func successPrefix(id: Int64) -> [UInt8] { Array("{\"id\":\(id),\"ok\":true,\"result\":".utf8) }

    public static func success(id: Int64, result: [UInt8]) -> [UInt8] {
        var line = successPrefix(id: id)
        line.append(contentsOf: result)
        line.append(contentsOf: [UInt8(ascii: "}"), UInt8(ascii: "\n")])
        return line
    }

    public static func failure(id: Int64?, error: EngineError) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.field("id", id)
        w.field("ok", false)
        w.key("error")
        w.beginObject()
        w.field("code", error.code)
        w.field("message", error.message)
        w.endObject()
        w.endObject()
        return w.bytes + [UInt8(ascii: "\n")]
    }
}

/// One engine call: its wire name, its parameters (the value itself) and its result type.
public protocol EngineMethod: Codable, Sendable {
    associatedtype Result: Codable & Sendable
    static var name: String { get }
}

/// A result already encoded as JSON, passed through as bytes.
public struct RawJSON: Codable, Sendable {
    public var bytes: [UInt8]
    public init(bytes: [UInt8]) { self.bytes = bytes }
    public init(from decoder: Decoder) throws {
        throw EngineError.failed("RawJSON is never decoded; the client keeps the bytes")
    }
    public func encode(to encoder: Encoder) throws {
        throw EngineError.failed("RawJSON is never encoded through Codable")
    }
}

/// An empty result or parameter set.
public struct Empty: Codable, Sendable, Equatable { public init() {} }
