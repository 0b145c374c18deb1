import ArgumentParser
import Engine
import Foundation

/// `jobs [list]`, `jobs show ID`, `jobs cancel ID…|all`, `jobs retry ID`.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "The transcoding queue: list, show, cancel and retry jobs.",
        subcommands: [ListJobs.self, Show.self, Cancel.self, Retry.self],
        defaultSubcommand: ListJobs.self)

    struct ListJobs: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Jobs with their state and progress (newest last).")
        @OptionGroup var global: GlobalOptions
        @Option(name: .long, help: "Only jobs in this state: queued, running, done, failed, cancelled.") var state: String?
        @Option(name: .long, help: "At most this many of the newest jobs (default 100).") var limit: Int = 100

        func execute() throws {
            let jobs = try call(Methods.TranscodeJobs(state: state, limit: limit))
            if global.json { try Console.writeJSON(jobs); return }
            if jobs.isEmpty { Console.out("no jobs" + (state.map { " \($0)" } ?? "")); return }
            TranscodeText.printTable(jobs)
        }
    }

    struct Show: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "One job: its argv, notes, failure reason and ffmpeg's last words.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job's id.") var id: Int64

        func execute() throws {
            guard let job = try call(Methods.TranscodeJobs(ids: [id])).first else { throw EngineError.notFound("no job #\(id)") }
            if global.json { try Console.writeJSON(job); return }
            TranscodeText.detailLines(job).forEach { Console.out($0) }
        }
    }

    struct Cancel: HeadlessCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cancel queued or running jobs.",
            discussion: "A running ffmpeg gets SIGTERM, then SIGKILL after 5 s; its temporary output is removed and nothing is left at the target.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Job ids, or `all` (every queued and running job).") var ids: [String]

        func validate() throws {
            if ids.isEmpty { throw ValidationError("give job ids or 'all'") }
            if ids != ["all"], ids.contains(where: { Int64($0) == nil }) { throw ValidationError("job ids are numbers (or give 'all')") }
        }

        func execute() throws {
            let all = ids == ["all"]
            let result = try call(Methods.TranscodeCancel(ids: all ? [] : ids.compactMap { Int64($0) }, all: all))
            if global.json { try Console.writeJSON(result); return }
            Console.out(result.ids.isEmpty ? "no job to cancel" : "cancelled \(result.ids.map { "#\($0)" }.joined(separator: ", "))")
        }
    }

    struct Retry: HeadlessCommand {
        static let configuration = CommandConfiguration(abstract: "Queue a failed or cancelled job again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The job's id.") var id: Int64

        func execute() throws {
            let job = try call(Methods.TranscodeRetry(id: id))
            if global.json { try Console.writeJSON(job); return }
            Console.out("job #\(id) \(job.state) again")
        }
    }
}
