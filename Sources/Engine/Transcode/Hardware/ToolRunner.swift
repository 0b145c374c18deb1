/// What an external program did: exit status, captured output, and whether it had to be
/// stopped.
public struct ToolResult: Sendable, Equatable {
    /// Exit status; -1 when the program never ran or was killed.
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool
    /// Why the program could not be started, when it could not.
    public var launchError: String?

    public init(status: Int32, stdout: String = "", stderr: String = "", timedOut: Bool = false, launchError: String? = nil) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
        self.timedOut = timedOut
        self.launchError = launchError
    }

    /// Ran, finished in time and exited 0.
    public var succeeded: Bool { launchError == nil && !timedOut && status == 0 }
}

/// Finds and runs the external programs detection needs (ffmpeg, vainfo, nvidia-smi).
///
/// A protocol so tests can stand up a whole simulated machine: a fake runner answers
/// with outputs recorded on real NVIDIA, Intel and AMD boxes, and counts its calls to
/// prove that a warm cache runs nothing. The real one is `ProcessToolRunner`.
public protocol ToolRunner: Sendable {
    /// Absolute path of `program` (searched on PATH), or nil when it is not installed.
    func locate(_ program: String) -> String?

    /// Runs `executable` with `arguments` as an argv array (never through a shell), with
    /// `environment` added to the inherited one, stopping it after `timeout`.
    func run(_ executable: String, _ arguments: [String], environment: [String: String], timeout: Duration) async -> ToolResult
}
