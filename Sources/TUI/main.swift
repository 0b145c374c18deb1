import Engine
import Foundation

// `seedtui` opens the interactive screen; `seedtui --headless ...` runs one command
// (or a batch from stdin) and exits. Both talk to the same engine through one API.

setlocale(LC_ALL, "")
var arguments = Array(CommandLine.arguments.dropFirst())

if let index = arguments.firstIndex(of: "--headless") {
    arguments.remove(at: index)
    var keepGoing = false
    if let k = arguments.firstIndex(of: "--keep-going") {
        arguments.remove(at: k)
        keepGoing = true
    }
    // `--home DIR` before any command applies to the whole batch.
    if arguments.first == "--home", arguments.count >= 2 {
        Defaults.home = arguments[1]
        arguments.removeFirst(2)
    } else if let first = arguments.first, first.hasPrefix("--home=") {
        Defaults.home = String(first.dropFirst("--home=".count))
        arguments.removeFirst()
    }
    if arguments.isEmpty {
        exit(BatchRunner.run(keepGoing: keepGoing))
    }
    exit(HeadlessEntry.run(arguments))
}

exit(InteractiveEntry.run(arguments))
