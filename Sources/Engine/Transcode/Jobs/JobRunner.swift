import Foundation
import GRDB

/// Runs one job to its end on the calling thread: probe, checks, ffmpeg, verification,
/// rename. Whatever happens, nothing partial is left at a target: ffmpeg writes temporary
/// files beside it, and only verified ones are renamed into place.
///
/// A job on a GPU path that fails (a driver error, a GPU gone, an output that does not
/// verify) is run once more on the CPU, with a note saying so.
struct JobRunner: Sendable {
    let job: TranscodeJob
    let ffmpeg: String?
    let filters: FilterSupport
    let report: HardwareReport?
    let softwareOnly: Bool
    let contentPaths: [String]
    let handle: JobHandle
    let store: Store

    struct Outcome: Sendable {
        var state: TranscodeJobState = .failed
        var reason: String?
        var notes: [String]
        var stderrTail: String?
        var argv: [String]?
        var outputs: [String] = []
        var encoder: String?
        var device: String?
        var duration: Double?
    }

    private enum Attempt {
        case ok
        case cancelled
        case interrupted
        case failed(String)
    }

    var id: Int64 { job.id ?? 0 }

    /// What the job will run, decided from a fresh probe; nil with the reason in `out` when
    /// it cannot run. No side effects: `--dry-run` uses it too.
    func plan(_ out: inout Outcome) -> (command: FFmpegCommand, recipe: TranscodeRecipe, probe: ProbeResult)? {
        guard let ffmpeg else {
            out.reason = "ffmpeg was not found on the engine's PATH; install it (apt install ffmpeg) or set SEEDTUI_FFMPEG, then `jobs retry \(id)`"
            return nil
        }
        let probe: ProbeResult
        do {
            probe = try MediaProbe.probe(path: job.input)
        } catch {
            out.reason = "cannot read the input: \(error.message)"
            return nil
        }
        out.duration = probe.duration

        var recipe = job.recipe
        var target = job.target
        if recipe.replace && JobSafety.isSeeded(job.input, contentPaths: contentPaths) {
            recipe.replace = false
            target = OutputNaming.target(input: job.input, container: OutputNaming.container(for: recipe, input: job.input),
                                         replace: false, suffix: job.preset ?? "transcoded")
            out.notes.append("the input is seeded by a torrent (its only link): kept, output written beside it as \((target as NSString).lastPathComponent)")
        }
        if !recipe.sidecarsOnly && target != job.input && FileManager.default.fileExists(atPath: target) {
            out.reason = "\(target) already exists; remove it or choose another --output, then `jobs retry \(id)`"
            return nil
        }
        let directory = (target as NSString).deletingLastPathComponent
        if let problem = JobSafety.spaceProblem(directory: directory, inputSize: probe.size, sidecarsOnly: recipe.sidecarsOnly,
                                                free: DiskSpace.free(at: directory)) {
            out.reason = problem
            return nil
        }
        var route: VideoRoute?
        if recipe.encodesVideo, let codec = recipe.videoCodec {
            route = softwareOnly ? VideoRoute.software(codec, available: report?.software.encoders)
                : VideoRoute.choose(target: codec, inputCodec: probe.video?.codec, report: report)
        }
        do {
            let command = try FFmpegArguments(ffmpeg: ffmpeg, filters: filters)
                .build(recipe: recipe, probe: probe, target: target, route: route,
                       sidecarExists: { FileManager.default.fileExists(atPath: $0) })
            out.notes += command.notes
            out.argv = command.argv
            out.encoder = command.encoder
            out.device = command.device
            return (command, recipe, probe)
        } catch {
            out.reason = "\(error)"
            return nil
        }
    }

    func run() -> Outcome {
        var out = Outcome(notes: job.notes)
        if handle.isInterrupted {
            out.state = .queued
            return out
        }
        guard !handle.isCancelled else {
            out.state = .cancelled
            out.reason = "cancelled before it started"
            return out
        }
        guard let planned = plan(&out) else { return out }
        var command = planned.command
        let recipe = planned.recipe
        let probe = planned.probe
        handle.update(TranscodeProgress(duration: probe.duration))
        var attempt = execute(command, into: &out)
        if case .failed(let why) = attempt, let r = command.route, r.usesHardware, !handle.isCancelled, !handle.isInterrupted, let codec = recipe.videoCodec {
            let software = r.softwareOnly(codec, available: report?.software.encoders)
            out.notes.append("\(r.label) failed (\(why)); retrying on the CPU with \(software.encoder)")
            do {
                command = try FFmpegArguments(ffmpeg: ffmpeg ?? "ffmpeg", filters: filters)
                    .build(recipe: recipe, probe: probe, target: command.outputs.first?.target ?? job.target, route: software,
                           sidecarExists: { FileManager.default.fileExists(atPath: $0) })
                out.notes += command.notes.filter { !out.notes.contains($0) }
                attempt = execute(command, into: &out)
            } catch {
                attempt = .failed("\(error)")
            }
        }
        switch attempt {
        case .interrupted:
            out.state = .queued
            out.notes.append("re-queued: the engine stopped while it ran")
            return out
        case .cancelled:
            out.state = .cancelled
            out.reason = "cancelled"
            return out
        case .failed(let why):
            out.reason = why
            return out
        case .ok:
            break
        }
        return install(command, recipe: recipe, into: out)
    }

    /// One ffmpeg run and the verification of what it wrote. Temporary files are gone
    /// afterwards unless it succeeded.
    private func execute(_ command: FFmpegCommand, into out: inout Outcome) -> Attempt {
        let temps = command.outputs.map(\.temp)
        temps.forEach { unlink($0) }
        out.argv = command.argv
        out.encoder = command.encoder
        out.device = command.device
        try? store.pool.write { db in
            try db.execute(sql: "UPDATE transcode_job SET argv = ?, temps = ?, encoder = ?, device = ? WHERE id = ?",
                           arguments: [Self.json(command.argv), Self.json(temps), command.encoder, command.device, id])
        }
        let process: FFmpegProcess
        do {
            process = try FFmpegProcess.spawn(command.argv)
        } catch {
            return .failed("\(error)")
        }
        ChildProcesses.add(process.pid, temps: temps)
        try? store.pool.write { try $0.execute(sql: "UPDATE transcode_job SET pid = ? WHERE id = ?", arguments: [process.pid, id]) }
        guard handle.attach(process) else {
            _ = process.wait()
            temps.forEach { unlink($0) }
            return handle.isInterrupted ? .interrupted : .cancelled
        }
        var parser = FFmpegProgressParser(duration: command.outputs.first?.duration ?? out.duration)
        process.readLines { line in
            if let p = parser.feed(line) { handle.update(p) }
        }
        let exit = process.wait()
        _ = handle.attach(nil)
        out.stderrTail = process.tail.isEmpty ? nil : process.tail
        if handle.isInterrupted {
            temps.forEach { unlink($0) }
            return .interrupted
        }
        if handle.isCancelled {
            temps.forEach { unlink($0) }
            return .cancelled
        }
        guard exit.success else {
            temps.forEach { unlink($0) }
            return .failed(FFmpegProcess.reason(fromTail: process.tail, exit: exit))
        }
        for output in command.outputs {
            if let problem = OutputVerifier.problem(output) {
                temps.forEach { unlink($0) }
                let said = process.tail.split(whereSeparator: \.isNewline).last.map { " (ffmpeg said: \($0.trimmingCharacters(in: .whitespaces)))" } ?? ""
                return .failed("\((output.target as NSString).lastPathComponent): \(problem)\(said)")
            }
        }
        return .ok
    }

    /// Renames verified files into place; with `replace`, the output takes the original's place.
    private func install(_ command: FFmpegCommand, recipe: TranscodeRecipe, into outcome: Outcome) -> Outcome {
        var out = outcome
        let temps = command.outputs.map(\.temp)
        for output in command.outputs where output.target != job.input && FileManager.default.fileExists(atPath: output.target) {
            temps.forEach { unlink($0) }
            out.reason = "\(output.target) appeared while the job ran; nothing was overwritten"
            return out
        }
        // The engine's umask keeps its own files private; outputs take the input's mode
        // (and owner, where allowed) so the media server that read the input reads them too.
        var st = stat()
        if stat(job.input, &st) == 0 {
            for temp in temps {
                chmod(temp, st.st_mode & 0o7777 & ~mode_t(S_ISUID | S_ISGID))
                _ = chown(temp, st.st_uid, st.st_gid)
            }
        }
        var placed: [String] = []
        for output in command.outputs {
            if rename(output.temp, output.target) != 0 {
                let why = String(cString: strerror(errno))
                temps.forEach { unlink($0) }
                placed.forEach { unlink($0) }
                out.reason = "cannot move the output to \(output.target): \(why)"
                return out
            }
            placed.append(output.target)
        }
        if recipe.replace, let main = command.outputs.first(where: { !$0.isSidecar }), main.target != job.input {
            if unlink(job.input) == 0 {
                out.notes.append("replaced the original \((job.input as NSString).lastPathComponent)")
            } else {
                out.notes.append("could not remove the original: \(String(cString: strerror(errno)))")
            }
        }
        out.outputs = placed
        out.state = .done
        return out
    }

    static func json(_ value: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? "[]"
    }
}
