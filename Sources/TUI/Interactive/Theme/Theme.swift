import Foundation

/// Colors and attributes per `Role`, read from a plain-text theme file.
///
/// Format, one role a line: `role = FG BG [bold] [dim] [underline] [reverse]`, where a
/// color is `default`, a name (`red`, `bright-blue`), an xterm index `0`-`255` or
/// `#rrggbb`. `#` starts a comment. Roles left out fall back to `normal`.
struct Theme: Equatable, Sendable {
    enum Color: Equatable, Sendable {
        case terminalDefault
        case index(Int)
        case rgb(Int, Int, Int)
    }

    struct Style: Equatable, Sendable {
        var foreground: Color = .terminalDefault
        var background: Color = .terminalDefault
        var bold = false
        var dim = false
        var underline = false
        var reverse = false
    }

    var name: String
    var styles: [Role: Style]

    func style(_ role: Role) -> Style { styles[role] ?? styles[.normal] ?? Style() }

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static let colorNames = ["black": 0, "red": 1, "green": 2, "yellow": 3, "blue": 4, "magenta": 5, "cyan": 6, "white": 7]

    static func parse(_ text: String, name: String) throws -> Theme {
        var styles: [Role: Style] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let role = Role(rawValue: parts[0]) else {
                throw ParseError(line: number + 1, message: "expected ROLE = FG BG [attributes] with a role among \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let words = parts[1].split(separator: " ").map(String.init)
            guard words.count >= 2 else { throw ParseError(line: number + 1, message: "give a foreground and a background color") }
            var style = Style()
            guard let fg = color(words[0]), let bg = color(words[1]) else {
                throw ParseError(line: number + 1, message: "colors are default, a name, 0-255 or #rrggbb")
            }
            style.foreground = fg
            style.background = bg
            for attribute in words.dropFirst(2) {
                switch attribute {
                case "bold": style.bold = true
                case "dim": style.dim = true
                case "underline": style.underline = true
                case "reverse": style.reverse = true
                default: throw ParseError(line: number + 1, message: "unknown attribute '\(attribute)'")
                }
            }
            styles[role] = style
        }
        return Theme(name: name, styles: styles)
    }

    static func color(_ word: String) -> Color? {
        let w = word.lowercased()
        if w == "default" { return .terminalDefault }
        if let n = colorNames[w] { return .index(n) }
        if w.hasPrefix("bright-"), let n = colorNames[String(w.dropFirst(7))] { return .index(n + 8) }
        if let n = Int(w), (0...255).contains(n) { return .index(n) }
        if w.hasPrefix("#"), w.count == 7, let v = Int(w.dropFirst(), radix: 16) {
            return .rgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)
        }
        return nil
    }

    /// A theme without color, for NO_COLOR and monochrome terminals: attributes only.
    static let monochrome = Theme(name: "mono", styles: [
        .header: Style(bold: true), .selected: Style(reverse: true), .selectedMarked: Style(bold: true, reverse: true),
        .marked: Style(bold: true), .statusBar: Style(reverse: true), .statusError: Style(bold: true, reverse: true),
        .statusOK: Style(reverse: true), .tabActive: Style(bold: true, reverse: true), .dim: Style(dim: true),
        .title: Style(bold: true), .error: Style(bold: true), .prompt: Style(bold: true), .dialog: Style(reverse: true),
        .progressDone: Style(reverse: true), .accent: Style(underline: true),
    ])

    /// Used when no theme file can be found, so the screen always has colors.
    static let builtIn: Theme = (try? parse(builtInText, name: "default")) ?? monochrome

    static let builtInText = """
        normal = default default
        header = bright-white 24 bold
        title = bright-white default bold
        selected = black 153
        marked = yellow default bold
        selectedMarked = black 186 bold
        statusBar = bright-white 236
        statusError = bright-white 124 bold
        statusOK = bright-white 22
        tabActive = black 153 bold
        tabInactive = 250 236
        dim = 244 default
        accent = 81 default
        prompt = bright-white 236 bold
        dialog = bright-white 60
        downloading = 77 default
        seeding = 81 default
        paused = 244 default
        stalled = 178 default
        queued = 250 default
        checking = 141 default
        error = 203 default bold
        progressDone = black 77
        progressTodo = 250 238
        sparkDown = 77 default
        sparkUp = 81 default
        """

    /// Finds `NAME.theme`: $SEEDTUI_THEMES, then the home's themes/, then the
    /// installed share/seedtui/themes, then the source tree's themes/ beside the build.
    static func load(named name: String, home: String) -> (Theme, String?) {
        if ProcessInfo.processInfo.environment["NO_COLOR"] != nil || name == "mono" { return (monochrome, nil) }
        var dirs: [String] = []
        if let env = ProcessInfo.processInfo.environment["SEEDTUI_THEMES"] { dirs.append(env) }
        dirs.append(home + "/themes")
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let bin = (exe as NSString).deletingLastPathComponent
        dirs.append(bin + "/../share/seedtui/themes")
        dirs.append(bin + "/../../themes")
        dirs.append(bin + "/../../../themes")
        for dir in dirs {
            let path = "\(dir)/\(name).theme"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            do { return (try parse(text, name: name), nil) } catch {
                return (builtIn, "theme \(path): \(error); using the built-in theme")
            }
        }
        return (builtIn, name == "default" ? nil : "theme '\(name)' not found; using the built-in theme")
    }
}
