import Synchronization

/// The live side of a running job, shared between the service and the runner thread:
/// progress as ffmpeg reports it, the process to stop, and whether a cancel came.
final class JobHandle: Sendable {
    let id: Int64
    /// `gpu` or `cpu`: the slot the job holds.
    let device: String
    private struct State {
        var progress = TranscodeProgress()
        var process: FFmpegProcess?
        var cancelled = false
        var interrupted = false
    }
    private let state = Mutex(State())

    init(id: Int64, device: String) {
        self.id = id
        self.device = device
    }

    var progress: TranscodeProgress { state.withLock { $0.progress } }
    var isCancelled: Bool { state.withLock { $0.cancelled } }
    /// The engine is stopping: the job goes back to the queue rather than failing.
    var isInterrupted: Bool { state.withLock { $0.interrupted } }

    func update(_ progress: TranscodeProgress) { state.withLock { $0.progress = progress } }

    /// Attaches the running ffmpeg; false (and the process stopped) when a cancel came first.
    func attach(_ process: FFmpegProcess?) -> Bool {
        let cancelled = state.withLock { s -> Bool in
            s.process = process
            return s.cancelled || s.interrupted
        }
        if cancelled { process?.terminate() }
        return !cancelled
    }

    func cancel() {
        let process = state.withLock { s -> FFmpegProcess? in
            s.cancelled = true
            return s.process
        }
        process?.terminate()
    }
}

extension JobHandle {
    func interrupt() {
        let process = state.withLock { s -> FFmpegProcess? in
            s.interrupted = true
            return s.process
        }
        process?.terminate(grace: 3)
    }
}
