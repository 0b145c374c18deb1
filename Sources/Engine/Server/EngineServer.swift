import Foundation
import Logging
import NIOCore
import NIOPosix

/// The control socket: a Unix socket in the home, JSON lines, one request at a time
/// per connection, answered by a `RequestRouter`.
///
/// Every connection's peer uid is checked (SO_PEERCRED) before a byte is read: on a
/// shared seedbox, another user reaching this socket could run hooks as you.
final class EngineServer: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel

    static func start(socketPath: String, router: RequestRouter, logger: Logger) async throws -> EngineServer {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let uid = getuid()
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLength: WireProtocol.maxLineBytes)))
                    try channel.pipeline.syncOperations.addHandler(ConnectionHandler(router: router, ownerUID: uid, logger: logger))
                }
            }
        // A socket file left by a crashed engine is ours to replace: the caller holds the home's lock.
        let channel: Channel
        do {
            channel = try await bootstrap.bind(unixDomainSocketPath: socketPath, cleanupExistingSocketFile: true).get()
        } catch {
            try? await group.shutdownGracefully()
            throw EngineError.failed("cannot listen on \(socketPath): \(error)")
        }
        chmod(socketPath, 0o600)
        return EngineServer(group: group, channel: channel)
    }

    private init(group: MultiThreadedEventLoopGroup, channel: Channel) {
        self.group = group
        self.channel = channel
    }

    func close() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}

private final class ConnectionHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let router: RequestRouter
    private let ownerUID: uid_t
    private let logger: Logger
    private var requests: AsyncStream<[UInt8]>.Continuation?
    /// Set once the peer's uid is known to be ours; nothing is read before.
    private var verified = false

    init(router: RequestRouter, ownerUID: uid_t, logger: Logger) {
        self.router = router
        self.ownerUID = ownerUID
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        guard let provider = channel as? SocketOptionProvider else {
            channel.close(promise: nil)
            return
        }
        let owner = ownerUID
        let logger = self.logger
        // On the event loop this future completes at once, before any read is delivered.
        provider.unsafeGetSocketOption(level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
            .whenComplete { (result: Result<PeerCredentials, Error>) in
                switch result {
                case .success(let cred) where cred.uid == owner:
                    self.verified = true
                case .success(let cred):
                    logger.warning("refused a connection from uid \(cred.uid) (pid \(cred.pid)): only uid \(owner) may drive this engine")
                    channel.close(promise: nil)
                case .failure(let error):
                    logger.warning("refused a connection whose peer could not be identified: \(error)")
                    channel.close(promise: nil)
                }
            }
        // Answers go out in request order: one consumer per connection.
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        requests = continuation
        let router = self.router
        Task {
            for await line in stream {
                let answer = await router.answer(line)
                guard channel.isActive else { break }
                try? await channel.writeAndFlush(ByteBuffer(bytes: answer))
            }
        }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard verified else { return }
        var buffer = unwrapInboundIn(data)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        requests?.yield(bytes)
    }

    func channelInactive(context: ChannelHandlerContext) {
        requests?.finish()
        requests = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let message: String
        if error is LineFrameDecoder.LineTooLong {
            message = "request line longer than \(WireProtocol.maxLineBytes) bytes; closing the connection"
        } else {
            message = "connection error: \(error)"
        }
        let reply = WireProtocol.failure(id: nil, error: .invalid(message))
        let channel = context.channel
        channel.writeAndFlush(ByteBuffer(bytes: reply)).whenComplete { _ in channel.close(promise: nil) }
    }
}

/// Linux's `struct ucred` (pid, uid, gid), which Glibc's module does not import.
struct PeerCredentials: Sendable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32
}
