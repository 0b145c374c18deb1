import Foundation

/// Maps method names to handlers and turns any request line into exactly one answer line.
///
/// Nothing a client sends can crash the engine: malformed JSON, unknown methods,
/// wrong parameter shapes and protocol versions all get an error answer.
final class RequestRouter: Sendable {
    typealias Handler = @Sendable (_ line: [UInt8]) async throws -> [UInt8]
    private let handlers: [String: Handler]

    init(handlers: [String: Handler]) { self.handlers = handlers }

    func answer(_ line: [UInt8]) async -> [UInt8] {
        let data = Data(line)
        let header: WireProtocol.RequestHeader
        do {
            header = try JSONDecoder().decode(WireProtocol.RequestHeader.self, from: data)
        } catch {
            return WireProtocol.failure(id: nil, error: .invalid("malformed request: not a JSON object; send one JSON object per line (see PROTOCOL in seedtui(1))"))
        }
        guard let id = header.id, let method = header.method else {
            return WireProtocol.failure(id: header.id, error: .invalid("malformed request: 'id' and 'method' are required"))
        }
        guard header.v == WireProtocol.version else {
            return WireProtocol.failure(id: id, error: .invalid("protocol version \(header.v.map(String.init) ?? "missing") is not spoken here (engine speaks \(WireProtocol.version)); restart the engine with `seedtui --headless engine stop` after upgrading"))
        }
        guard let handler = handlers[method] else {
            return WireProtocol.failure(id: id, error: .invalid("unknown method '\(method)'"))
        }
        do {
            return WireProtocol.success(id: id, result: try await handler(line))
        } catch let error as EngineError {
            return WireProtocol.failure(id: id, error: error)
        } catch is DecodingError {
            return WireProtocol.failure(id: id, error: .invalid("malformed parameters for '\(method)'"))
        } catch {
            return WireProtocol.failure(id: id, error: .failed("\(method) failed: \(error)"))
        }
    }
}

/// Collects typed handlers for `EngineMethod`s into a router.
struct RouterBuilder {
    private var handlers: [String: RequestRouter.Handler] = [:]

    mutating func on<M: EngineMethod>(_ method: M.Type, _ body: @escaping @Sendable (M) async throws -> M.Result) {
        handlers[M.name] = { line in
            let call = try JSONDecoder().decode(WireProtocol.ParamsOnly<M>.self, from: Data(line))
            let result = try await body(call.params)
            if let raw = result as? RawJSON { return raw.bytes }
            return Array(try JSONEncoder().encode(result))
        }
    }

    func build() -> RequestRouter { RequestRouter(handlers: handlers) }
}
