import ArgumentParser
import Engine
import Foundation

/// `seedtui --headless` with no command: one command per line from standard input.
///
/// Lines are split like a shell would quote them (no shell runs), `#` starts a comment,
/// and the batch stops at the first failing line unless `--keep-going`.
enum BatchRunner {
    static func run(keepGoing: Bool) -> Int32 {
        var status: Int32 = 0
        var lineNumber = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let words: [String]
            do { words = try CommandLineSplitter.split(trimmed) } catch {
                Console.error("line \(lineNumber): \(error)")
                status = ExitStatus.usage
                if keepGoing { continue } else { break }
            }
            Console.errorContext = "line \(lineNumber)"
            let code = HeadlessEntry.run(words)
            Console.errorContext = nil
            if code != 0 {
                status = code
                if !keepGoing { break }
            }
        }
        return status
    }
}

/// Parses and runs one headless command line, returning its exit status.
enum HeadlessEntry {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try Headless.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = Headless.exitCode(for: error)
            if code == .success {
                Console.out(Headless.fullMessage(for: error))
                return 0
            }
            let message = Headless.message(for: error)
            let parseError = code == .validationFailure
            if parseError {
                Console.error(message + " (see `seedtui --headless help`)")
                return ExitStatus.usage
            }
            Console.error(message)
            return ExitStatus.failed
        }
    }
}
