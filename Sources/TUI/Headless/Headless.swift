import ArgumentParser
import Engine

/// The command grammar of `seedtui --headless` (and of the TUI's `:` prompt).
struct Headless: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seedtui --headless",
        abstract: "Drive the seedtui engine from scripts and cron.",
        discussion: """
            With no command, reads commands from standard input, one per line ('#' starts a comment), \
            and stops at the first failure unless --keep-going is given.
            Exit status: 0 success, 1 operation failed, 2 usage error or no such torrent, \
            3 engine unreachable, 4 wait timed out.
            """,
        subcommands: [
            Add.self, List.self, Info.self, Files.self, Peers.self, Trackers.self,
            Pause.self, Resume.self, Recheck.self, Reannounce.self, Remove.self, Move.self,
            Limit.self, Queue.self, Prio.self, Edit.self, Create.self, Wait.self, Status.self,
            Config.self, Category.self, Events.self, EngineCommand.self, DB.self, ParseCommand.self,
            ProbeCommand.self, Library.self, Scan.self, GPU.self, TranscodeCommand.self, JobsCommand.self, PresetsCommand.self, RulesCommand.self,
            IndexerCommand.self, SearchCommand.self, WantedCommand.self, ProfileCommand.self, PodcastCommand.self,
            RSSCommand.self, GrabCommand.self, HistoryCommand.self, BlocklistCommand.self, ImportCommand.self,
        ])
}
