import Engine
import Foundation

// `seedtui` opens the interactive screen; `seedtui --headless ...` runs one command
// (or a batch from stdin) and exits. Both talk to the same engine through one API.

setlocale(LC_ALL, "")
var arguments = Array(CommandLine.arguments.dropFirst())
var headless = false
var keepGoing = false

// Global options come before the command; anything after belongs to the command.
leading: while let first = arguments.first {
    switch first {
    case "--headless": headless = true
    case "--keep-going": keepGoing = true
    case "--home" where arguments.count >= 2:
        Defaults.home = arguments[1]
        arguments.removeFirst()
    default:
        if first.hasPrefix("--home=") { Defaults.home = String(first.dropFirst(7)) } else { break leading }
    }
    arguments.removeFirst()
}

if headless {
    exit(arguments.isEmpty ? BatchRunner.run(keepGoing: keepGoing) : HeadlessEntry.run(arguments))
}
exit(InteractiveEntry.run(arguments))
