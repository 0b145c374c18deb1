import Foundation

/// Where a running job is, from ffmpeg's `-progress` output.
public struct TranscodeProgress: Sendable, Equatable {
    /// Seconds of output written.
    public var outTime: Double?
    public var fps: Double?
    /// Media seconds per wall second.
    public var speed: Double?
    public var frame: Int?
    /// The input's duration, which the percentage is measured against.
    public var duration: Double?

    public init(outTime: Double? = nil, fps: Double? = nil, speed: Double? = nil, frame: Int? = nil, duration: Double? = nil) {
        self.outTime = outTime
        self.fps = fps
        self.speed = speed
        self.frame = frame
        self.duration = duration
    }

    public var percent: Double? {
        guard let outTime, let duration, duration > 0 else { return nil }
        return min(100, max(0, outTime / duration * 100))
    }

    /// Seconds left at the current speed.
    public var eta: Double? {
        // The first reports' speed is measured over a fraction of a second: not worth showing.
        guard let outTime, outTime >= 1, let duration, let speed, speed > 0 else { return nil }
        return max(0, (duration - outTime) / speed)
    }
}

/// Reads `-progress pipe:1` output: blocks of `key=value` lines, each ended by
/// `progress=continue` or `progress=end`.
///
/// ```
/// frame=240
/// fps=61.23
/// out_time_us=10000000
/// speed=2.55x
/// progress=continue
/// ```
public struct FFmpegProgressParser: Sendable {
    public private(set) var current: TranscodeProgress
    public private(set) var ended = false

    public init(duration: Double?) { current = TranscodeProgress(duration: duration) }

    /// Takes one line; returns the progress when the line closes a block.
    public mutating func feed(_ line: Substring) -> TranscodeProgress? {
        guard let eq = line.firstIndex(of: "=") else { return nil }
        let key = line[..<eq].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        switch key {
        case "out_time_us", "out_time_ms":
            // Both are microseconds (out_time_ms is misnamed in ffmpeg).
            if let us = Double(value), us >= 0 { current.outTime = us / 1_000_000 }
        case "fps":
            if let f = Double(value), f.isFinite { current.fps = f }
        case "speed":
            var v = value
            if v.hasSuffix("x") { v.removeLast() }
            current.speed = Double(v.trimmingCharacters(in: .whitespaces)).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        case "frame":
            current.frame = Int(value)
        case "progress":
            if value == "end" { ended = true }
            return current
        default:
            break
        }
        return nil
    }
}
