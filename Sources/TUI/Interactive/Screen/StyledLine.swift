import Engine

/// What a piece of text means on screen; the theme turns each role into colors.
enum Role: String, CaseIterable, Sendable {
    case normal, header, selected, marked, selectedMarked, statusBar, statusError, statusOK
    case tabActive, tabInactive, dim, accent, prompt, dialog, title
    case downloading, seeding, paused, stalled, error, checking, queued
    case progressDone, progressTodo, sparkDown, sparkUp
}

/// A run of text in one role. Text is already inert (no control characters).
struct Span: Equatable, Sendable {
    var text: String
    var role: Role
    init(_ text: String, _ role: Role = .normal) {
        self.text = text
        self.role = role
    }
}

/// One screen row as styled spans, exactly `width` columns wide once `fitted`.
struct StyledLine: Equatable, Sendable {
    var spans: [Span]

    init(_ spans: [Span] = []) { self.spans = spans }
    init(_ text: String, _ role: Role = .normal) { spans = [Span(text, role)] }

    var plain: String { spans.map(\.text).joined() }
    var width: Int { spans.reduce(0) { $0 + TerminalText.width($1.text) } }

    /// Cut or padded to exactly `width` columns; padding takes `fill`'s role.
    func fitted(to width: Int, fill: Role? = nil) -> StyledLine {
        var out: [Span] = []
        var used = 0
        for span in spans {
            guard used < width else { break }
            let w = TerminalText.width(span.text)
            if used + w <= width {
                out.append(span)
                used += w
            } else {
                let cut = TerminalText.truncate(span.text, to: width - used)
                out.append(Span(cut, span.role))
                used += TerminalText.width(cut)
            }
        }
        if used < width {
            out.append(Span(String(repeating: " ", count: width - used), fill ?? spans.last?.role ?? .normal))
        }
        return StyledLine(out)
    }

    /// The same text with every span in `role` (a selected row).
    func restyled(_ role: Role) -> StyledLine { StyledLine(spans.map { Span($0.text, role) }) }
}
