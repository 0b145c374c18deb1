/// Splits a command line into words the way a POSIX shell quotes them, without a shell.
///
/// Hooks and the headless batch mode take command lines as text, yet must never be
/// handed to `/bin/sh`: quoting is honoured here, and nothing is expanded.
public enum CommandLineSplitter {
    public static func split(_ line: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character? = nil
        var escaped = false
        for ch in line {
            if escaped { current.append(ch); escaped = false; inWord = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true } else { current.append(ch) }
                continue
            }
            switch ch {
            case "\\": escaped = true; inWord = true
            case "'", "\"": quote = ch; inWord = true
            case " ", "\t", "\n", "\r":
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(ch); inWord = true
            }
        }
        if quote != nil { throw EngineError.invalid("unterminated quote in: \(line)") }
        if escaped { throw EngineError.invalid("trailing backslash in: \(line)") }
        if inWord { words.append(current) }
        return words
    }
}

extension CommandLineSplitter {
    /// One word quoted so that `split` gives it back unchanged (for prompts the user then edits).
    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+:@%".contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
