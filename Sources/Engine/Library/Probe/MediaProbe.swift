import CFFmpeg
import Foundation

/// Limits for one probe. The deadline is enforced inside libavformat's I/O through its
/// interrupt callback, so even a file on a stalled mount or a hostile file gives up in time.
public struct ProbeLimits: Sendable {
    public var deadline: Double
    /// Bytes libavformat may read to find the streams.
    public var probeSize: Int
    /// Microseconds of media it may analyse for stream parameters.
    public var analyzeDuration: Int

    public init(deadline: Double = 10, probeSize: Int = 5_000_000, analyzeDuration: Int = 5_000_000) {
        self.deadline = deadline
        self.probeSize = probeSize
        self.analyzeDuration = analyzeDuration
    }
}

/// Why a file could not be probed, in one line that says what to do.
public struct ProbeError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String
    public var description: String { message }
}

/// In-process probing with libavformat: no process per file, so a library of
/// a million files is probed at disk speed rather than at fork-and-exec speed.
///
/// Safe to call from many threads at once: every call has its own context.
public enum MediaProbe {
    private static let setUp: Void = { av_log_set_level(AV_LOG_QUIET) }()

    public static func probe(path: String, limits: ProbeLimits = ProbeLimits()) throws(ProbeError) -> ProbeResult {
        _ = setUp
        var st = stat()
        guard stat(path, &st) == 0 else {
            throw ProbeError(path: path, message: "\(path): \(String(cString: strerror(errno)))")
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw ProbeError(path: path, message: "\(path) is not a regular file")
        }
        guard st.st_size > 0 else {
            throw ProbeError(path: path, message: "\(path) is empty")
        }
        let deadline = UnsafeMutablePointer<seedtui_deadline>.allocate(capacity: 1)
        defer { deadline.deallocate() }
        deadline.pointee.at_us = av_gettime_relative() + Int64(limits.deadline * 1_000_000)

        guard let allocated = avformat_alloc_context() else {
            throw ProbeError(path: path, message: "out of memory probing \(path)")
        }
        seedtui_set_deadline(allocated, deadline)
        var context: UnsafeMutablePointer<AVFormatContext>? = allocated
        var options: OpaquePointer?
        av_dict_set(&options, "probesize", String(limits.probeSize), 0)
        av_dict_set(&options, "analyzeduration", String(limits.analyzeDuration), 0)
        let opened = avformat_open_input(&context, path, nil, &options)
        av_dict_free(&options)
        guard opened >= 0, let ctx = context else {
            throw failure(path, opened, deadline)
        }
        defer { avformat_close_input(&context) }

        if needsStreamInfo(ctx) {
            let found = avformat_find_stream_info(ctx, nil)
            if found < 0, ctx.pointee.nb_streams == 0 { throw failure(path, found, deadline) }
        }
        if deadline.pointee.at_us < av_gettime_relative() {
            throw ProbeError(path: path, message: "\(path): probing took longer than \(Int(limits.deadline)) s; the file may be damaged or on a stalled disk")
        }
        return describe(ctx, path: path, size: Int64(st.st_size))
    }

    private static func failure(_ path: String, _ code: Int32, _ deadline: UnsafeMutablePointer<seedtui_deadline>) -> ProbeError {
        if deadline.pointee.at_us < av_gettime_relative() {
            return ProbeError(path: path, message: "\(path): probing timed out; the file may be damaged or on a stalled disk")
        }
        var buffer = [CChar](repeating: 0, count: 256)
        av_strerror(code, &buffer, buffer.count)
        let reason = String(cBuffer: buffer)
        return ProbeError(path: path, message: "\(path): not readable as media (\(reason)); check that the file is complete")
    }

    /// Matroska and MP4 headers usually say everything; only ask libavformat to read
    /// packets when a stream lacks its basic parameters or the duration is unknown.
    private static func needsStreamInfo(_ ctx: UnsafeMutablePointer<AVFormatContext>) -> Bool {
        if ctx.pointee.nb_streams == 0 || ctx.pointee.duration == Int64.min { return true }
        for i in 0..<Int(ctx.pointee.nb_streams) {
            guard let par = ctx.pointee.streams[i]?.pointee.codecpar?.pointee else { return true }
            if par.codec_id == AV_CODEC_ID_NONE { return true }
            switch par.codec_type {
            case AVMEDIA_TYPE_VIDEO:
                if par.width == 0 || par.format < 0 { return true }
            case AVMEDIA_TYPE_AUDIO:
                if par.sample_rate == 0 || par.ch_layout.nb_channels == 0 { return true }
            default: break
            }
        }
        return false
    }
}
