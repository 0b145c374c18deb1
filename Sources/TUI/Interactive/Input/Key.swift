/// A key press, decoded from curses, named the way keymaps spell it.
enum Key: Hashable, Sendable {
    case char(Character)
    case ctrl(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace, delete
    case resize
    case mouseClick(row: Int, column: Int)
    case wheelUp, wheelDown

    /// `j`, `G`, `ctrl-d`, `down`, `pgdn`, `enter`, `esc`, `tab`, `btab`, `space`.
    init?(name: String) {
        switch name {
        case "up": self = .up
        case "down": self = .down
        case "left": self = .left
        case "right": self = .right
        case "pgup": self = .pageUp
        case "pgdn": self = .pageDown
        case "home": self = .home
        case "end": self = .end
        case "enter": self = .enter
        case "esc": self = .escape
        case "tab": self = .tab
        case "btab": self = .backTab
        case "backspace": self = .backspace
        case "del": self = .delete
        case "space": self = .char(" ")
        default:
            if name.hasPrefix("ctrl-"), name.count == 6, let c = name.last { self = .ctrl(Character(c.lowercased())); return }
            guard name.count == 1, let c = name.first else { return nil }
            self = .char(c)
        }
    }

    var name: String {
        switch self {
        case .char(" "): return "space"
        case .char(let c): return String(c)
        case .ctrl(let c): return "ctrl-\(c)"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .pageUp: return "pgup"
        case .pageDown: return "pgdn"
        case .home: return "home"
        case .end: return "end"
        case .enter: return "enter"
        case .escape: return "esc"
        case .tab: return "tab"
        case .backTab: return "btab"
        case .backspace: return "backspace"
        case .delete: return "del"
        case .resize: return "resize"
        case .mouseClick: return "click"
        case .wheelUp: return "wheel-up"
        case .wheelDown: return "wheel-down"
        }
    }
}
