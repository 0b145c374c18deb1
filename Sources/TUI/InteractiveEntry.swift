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
        Console.error("the interactive screen is not built yet; use `seedtui --headless help` for the commands")
        return ExitStatus.failed
    }
}
