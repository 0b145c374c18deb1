import CNcurses
import Engine
import Foundation

/// The terminal through ncursesw: the only code in seedtui that calls curses.
final class CursesScreen: Screen {
    private(set) var rows: Int
    private(set) var columns: Int
    private var attributes: [Role: Int32] = [:]
    private let theme: Theme

    init(theme: Theme) {
        self.theme = theme
        _ = initscr()
        cbreak()
        noecho()
        nonl()
        keypad(st_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        intrflush(st_stdscr(), false)
        mousemask(st_mouse_mask(), nil)
        mouseinterval(0)
        rows = Int(st_lines())
        columns = Int(st_cols())
        setUpColors()
    }

    /// Restores the terminal. Safe to call more than once.
    static func restore() {
        if isendwin() == false { endwin() }
    }

    func close() { Self.restore() }

    private func setUpColors() {
        let useColor = has_colors() && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        if useColor {
            start_color()
            use_default_colors()
        }
        let colors = useColor ? Int(st_colors()) : 0
        for (index, role) in Role.allCases.enumerated() {
            let style = theme.style(role)
            var attr = st_a_normal()
            if style.bold { attr |= st_a_bold() }
            if style.dim { attr |= st_a_dim() }
            if style.underline { attr |= st_a_underline() }
            if style.reverse { attr |= st_a_reverse() }
            if colors >= 8 {
                let pair = Int32(index + 1)
                let fg = Self.resolve(style.foreground, colors: colors)
                let bg = Self.resolve(style.background, colors: colors)
                init_extended_pair(pair, fg.color, bg.color)
                if fg.bold { attr |= st_a_bold() }
                attributes[role] = Int32(truncatingIfNeeded: attr) | st_color_pair(pair)
            } else {
                // No colors: keep the attributes, and make color-only roles readable.
                if style == Theme.Style() || (!style.bold && !style.reverse && !style.underline && !style.dim) {
                    if let mono = Theme.monochrome.styles[role] {
                        if mono.bold { attr |= st_a_bold() }
                        if mono.reverse { attr |= st_a_reverse() }
                        if mono.dim { attr |= st_a_dim() }
                        if mono.underline { attr |= st_a_underline() }
                    }
                }
                attributes[role] = Int32(truncatingIfNeeded: attr)
            }
        }
    }

    /// A theme color as a curses color number for a terminal with `colors` colors:
    /// direct RGB where the terminal has it, else the nearest of 256, else of 8 (bright via bold).
    static func resolve(_ color: Theme.Color, colors: Int) -> (color: Int32, bold: Bool) {
        switch color {
        case .terminalDefault: return (-1, false)
        case .index(let n):
            if colors >= 256 || n < colors { return (Int32(n), false) }
            if n < 16 { return (Int32(n - 8), true) }
            let (r, g, b) = Palette.rgb(ofXterm: n)
            return (Int32(Palette.nearestBasic(r, g, b)), false)
        case .rgb(let r, let g, let b):
            if colors > 256 { return (Int32(r << 16 | g << 8 | b), false) }
            if colors >= 256 { return (Int32(Palette.nearestXterm(r, g, b)), false) }
            return (Int32(Palette.nearestBasic(r, g, b)), false)
        }
    }

    func updateSize() {
        rows = Int(st_lines())
        columns = Int(st_cols())
    }

    func draw(_ line: StyledLine, at row: Int) {
        wmove(st_stdscr(), Int32(row), 0)
        for span in line.spans {
            wattrset(st_stdscr(), attributes[span.role] ?? 0)
            waddstr(st_stdscr(), span.text)
        }
        wattrset(st_stdscr(), attributes[.normal] ?? 0)
        // The last cell of the last row cannot be written without scrolling; clearing is enough.
        if line.width < columns { wclrtoeol(st_stdscr()) }
    }

    func flush() {
        wnoutrefresh(st_stdscr())
        doupdate()
    }

    func clearAll() {
        wclear(st_stdscr())
    }

    /// Waits up to `milliseconds` for a key.
    func readKey(milliseconds: Int32) -> Key? {
        wtimeout(st_stdscr(), milliseconds)
        var ch: wint_t = 0
        let rc = wget_wch(st_stdscr(), &ch)
        if rc == ERR { return nil }
        if rc == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_UP: return .up
            case KEY_DOWN: return .down
            case KEY_LEFT: return .left
            case KEY_RIGHT: return .right
            case KEY_NPAGE: return .pageDown
            case KEY_PPAGE: return .pageUp
            case KEY_HOME: return .home
            case KEY_END: return .end
            case KEY_ENTER: return .enter
            case KEY_BTAB: return .backTab
            case KEY_BACKSPACE: return .backspace
            case KEY_DC: return .delete
            case KEY_RESIZE:
                updateSize()
                return .resize
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if st_mouse_is_wheel_up(event.bstate) != 0 { return .wheelUp }
                if st_mouse_is_wheel_down(event.bstate) != 0 { return .wheelDown }
                if st_mouse_is_click(event.bstate) != 0 { return .mouseClick(row: Int(event.y), column: Int(event.x)) }
                return nil
            default: return nil
            }
        }
        switch ch {
        case 10, 13: return .enter
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(ch) + 96)))
        default:
            guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
            return .char(Character(scalar))
        }
    }
}

/// Color arithmetic for terminals with fewer colors than a theme asks for.
enum Palette {
    static func rgb(ofXterm n: Int) -> (Int, Int, Int) {
        if n < 16 {
            let basic = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                         (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            return basic[n]
        }
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        let i = n - 16
        let steps = [0, 95, 135, 175, 215, 255]
        return (steps[i / 36], steps[(i / 6) % 6], steps[i % 6])
    }

    static func nearestXterm(_ r: Int, _ g: Int, _ b: Int) -> Int {
        (16..<256).min { distance(rgb(ofXterm: $0), (r, g, b)) < distance(rgb(ofXterm: $1), (r, g, b)) } ?? 7
    }

    static func nearestBasic(_ r: Int, _ g: Int, _ b: Int) -> Int {
        (0..<8).min { distance(rgb(ofXterm: $0), (r, g, b)) < distance(rgb(ofXterm: $1), (r, g, b)) } ?? 7
    }

    static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let dr = a.0 - b.0, dg = a.1 - b.1, db = a.2 - b.2
        return dr * dr + dg * dg + db * db
    }
}
