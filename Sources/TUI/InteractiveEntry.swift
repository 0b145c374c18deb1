import Engine
import Foundation

/// `seedtui` without --headless: the interactive screen.
enum InteractiveEntry {
    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print("""
                usage: seedtui [--home DIR]              open the interactive screen
                       seedtui --headless COMMAND ...    run one command (see `seedtui --headless help`)
                       seedtui --headless < script       run commands from standard input
                """)
            return 0
        }
        var home = Defaults.home
        var rest = arguments[...]
        while let arg = rest.first {
            rest = rest.dropFirst()
            if arg == "--home", let value = rest.first { home = value; rest = rest.dropFirst() }
            else if arg.hasPrefix("--home=") { home = String(arg.dropFirst(7)) }
            else if arg == "--version" { print("seedtui \(SeedtuiVersion.current)"); return 0 }
            else {
                Console.error("unknown option '\(arg)'; see `seedtui --help`")
                return ExitStatus.usage
            }
        }
        return TUIApp.run(home: EngineHome.resolve(explicit: home))
    }
}
