import ArgumentParser
import Engine
import Foundation

/// `presets [list]`, `presets add NAME --recipe '…'`, `presets remove NAME`.
struct PresetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "presets",
        abstract: "Transcoding presets: the built-in ones and your own.",
        subcommands: [ListPresets.self, AddPreset.self, RemovePreset.self],
        defaultSubcommand: ListPresets.self)

    struct ListPresets: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every preset and what it does.")
        @OptionGroup var global: GlobalOptions

        func execute() throws {
            let result = try call(Methods.TranscodePresets())
            if global.json { try Console.writeJSON(result); return }
            var table = Table([.init(title: "NAME"), .init(title: "DOES", flexible: true)])
            for p in result.presets { table.add([p.name + (p.builtin ? "" : " *"), p.does]) }
            table.print()
            if let t = result.toneMapping { Console.out("HDR→SDR filters in this ffmpeg: \(t)") }
        }
    }

    struct AddPreset: HeadlessCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Save a preset from action words.",
            discussion: "Words as in `rules add --then`: video=hevc quality=20 container=mkv keep-audio=eng,jpn add-stereo-aac downmix extract-subs sdr 8bit replace; preset=NAME starts from another preset.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The preset's name.") var name: String
        @Option(name: .long, help: "What it does, e.g. 'video=hevc quality=24 container=mkv'.") var recipe: String
        @Option(name: .long, help: "A one-line description.") var summary: String?

        func execute() throws {
            let p = try call(Methods.TranscodePresetSave(name: name, recipe: recipe, summary: summary))
            if global.json { try Console.writeJSON(p); return }
            Console.out("preset \(p.name) saved: \(p.does)")
        }
    }

    struct RemovePreset: HeadlessCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove one of your presets.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The preset's name.") var name: String

        func execute() throws {
            _ = try call(Methods.TranscodePresetRemove(name: name))
            try done("preset \(name) removed")
        }
    }
}
