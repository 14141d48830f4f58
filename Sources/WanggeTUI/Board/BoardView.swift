import WanggeApp
import WanggeCore

/// Draws the escalation board: a column per level, a card per open case, most urgent
/// first, overdue cards in red, summoned departments named on the card.
enum BoardView {
    static func render(_ state: ConsoleState, in area: Rect, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let levels = Level.allCases
        let columnWidth = area.width / levels.count
        let visible = ConsoleLayout.boardCards(state.size)
        for (columnIndex, level) in levels.enumerated() {
            let x = columnIndex * columnWidth
            let width = columnIndex == levels.count - 1 ? area.width - x : columnWidth
            let focused = columnIndex == state.board.column
            let header = Style(level.role, focused ? [.bold, .reverse] : [.bold])
            buffer.fill(Rect(x: x, y: area.y, width: width, height: 1), style: header)
            buffer.put(" " + s.boardColumn(level, count: state.board.counts[level]), x: x, y: area.y, maxWidth: width, style: header)
            if columnIndex > 0 {
                for y in (area.y + 1)..<(area.y + area.height) {
                    buffer.put(String(glyphs.vertical), x: x, y: y, style: Style(.border))
                }
            }
            let cards = state.board.columns[level] ?? []
            let selectedIndex = state.board.cards[level] ?? 0
            let first = max(0, selectedIndex - visible + 1)
            for (offset, card) in cards.dropFirst(first).prefix(visible).enumerated() {
                let rect = Rect(x: x + 1, y: area.y + 1 + offset * ConsoleLayout.cardHeight, width: width - 2, height: ConsoleLayout.cardHeight - 1)
                draw(card, in: rect, selected: focused && first + offset == selectedIndex, state: state, into: &buffer)
            }
            if cards.isEmpty && state.board.loaded {
                buffer.put(s.nothingHere, x: x + 2, y: area.y + 2, maxWidth: width - 3, style: Style(.dim))
            }
        }
    }

    static func draw(_ card: CaseState, in rect: Rect, selected: Bool, state: ConsoleState, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let org = state.context.organisation
        let left = TimeLeft.of(card, calendar: state.context.calendar, now: state.now)
        let overdue = left?.urgency == .overdue
        func style(_ role: Style.Role, _ attributes: Style.Attributes = []) -> Style {
            selected ? Style(.selected, attributes) : Style(role, attributes)
        }
        if selected { buffer.fill(rect, style: Style(.selected)) }
        let width = rect.width
        let mark = overdue ? "!" : " "
        buffer.put(mark + card.code, x: rect.x, y: rect.y, maxWidth: width, style: style(overdue ? .overdue : .accent, .bold))
        if let left {
            let text = left.text(s)
            let textWidth = DisplayWidth.of(text)
            if textWidth + 15 <= width {
                buffer.put(text, x: rect.x + width - textWidth, y: rect.y, maxWidth: textWidth, style: style(left.role, .bold))
            }
        }
        buffer.put(TextFit.clip(" " + card.title, width), x: rect.x, y: rect.y + 1, maxWidth: width, style: style(.normal))
        var third = " " + state.context.gridName(card.grid)
        if !card.summons.isEmpty {
            let units = card.summons.map { org.unit($0.unit)?.name ?? $0.unit }.joined(separator: "、")
            third += " " + s.summonedMark + ":" + units
        }
        let handler = card.handler.map { " " + org.displayName(of: $0) } ?? ""
        buffer.put(TextFit.clip(third + handler, width), x: rect.x, y: rect.y + 2, maxWidth: width,
                   style: style(card.summons.isEmpty ? .dim : .levelDepartment))
    }
}
