import Foundation

/// Tab completion of the last word of a prompt as a filesystem path.
enum PathCompletion {
    static func complete(_ text: String) -> String {
        let head: String
        let word: String
        if let space = text.lastIndex(of: " ") {
            head = String(text[...space])
            word = String(text[text.index(after: space)...])
        } else {
            head = ""
            word = text
        }
        guard !word.hasPrefix("magnet:"), !word.contains("://") else { return text }
        let expanded = word.hasPrefix("~") ? (word as NSString).expandingTildeInPath : word
        let dir: String
        let prefix: String
        if expanded.hasSuffix("/") {
            dir = expanded
            prefix = ""
        } else {
            let d = (expanded as NSString).deletingLastPathComponent
            dir = d.isEmpty ? "." : d
            prefix = (expanded as NSString).lastPathComponent
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return text }
        let matches = names.filter { $0.hasPrefix(prefix) && (prefix.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
        guard !matches.isEmpty else { return text }
        var common = matches[0]
        for m in matches.dropFirst() {
            while !m.hasPrefix(common) { common.removeLast() }
        }
        let base = expanded.hasSuffix("/") ? expanded : (dir == "." && !expanded.hasPrefix("./") ? "" : ((expanded as NSString).deletingLastPathComponent + "/"))
        var completed = base + common
        var isDir: ObjCBool = false
        if matches.count == 1, FileManager.default.fileExists(atPath: completed, isDirectory: &isDir), isDir.boolValue { completed += "/" }
        return head + completed
    }
}
