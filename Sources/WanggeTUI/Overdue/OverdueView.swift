import WanggeApp
import WanggeCore

/// Draws the overdue screen: cases by handler, the longest overdue first.
enum OverdueView {
    static let columns: [ColumnSpec] = [
        ColumnSpec("code", min: 14, ideal: 14, priority: 100),
        ColumnSpec("timeLeft", min: 12, ideal: 15, priority: 95),
        ColumnSpec("status", min: 6, ideal: 6, priority: 80),
        ColumnSpec("level", min: 4, ideal: 4, priority: 70),
        ColumnSpec("grid", min: 8, ideal: 18, priority: 60),
        ColumnSpec("marks", min: 8, ideal: 14, priority: 50),
        ColumnSpec("title", min: 12, ideal: 40, priority: 40, flexible: true),
    ]

    static func render(_ state: ConsoleState, in area: Rect, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        buffer.put(" " + s.overdueTitle(overdue: state.overdue.overdueTotal, shown: state.overdue.rows.count), x: 0, y: area.y,
                   maxWidth: area.width, style: Style(.title, .bold))
        let groups = OverdueUpdate.groups(state)
        let lines = OverdueUpdate.lines(groups)
        let ordered = groups.flatMap(\.cases)
        let visible = ConsoleLayout.overdueRows(state.size)
        let placed = ColumnLayout.place(columns, width: area.width - 3)
        if state.overdue.loaded && ordered.isEmpty {
            buffer.put(s.nothingHere, x: 2, y: area.y + 1, maxWidth: area.width - 2, style: Style(.dim))
        }
        for (offset, line) in lines.dropFirst(state.overdue.scrollTop).prefix(visible).enumerated() {
            let y = area.y + 1 + offset
            switch line {
            case .header(let index):
                let group = groups[index]
                buffer.put(" " + s.groupHeader(group.name, count: group.cases.count, overdue: group.overdue), x: 0, y: y,
                           maxWidth: area.width, style: Style(group.overdue > 0 ? .warning : .header, .bold))
            case .item(let index):
                drawRow(ordered[index], placed: placed, y: y, width: area.width, selected: index == state.overdue.cursor,
                        state: state, into: &buffer)
            }
        }
        let previewY = area.y + 1 + visible
        if ordered.indices.contains(state.overdue.cursor), previewY < area.y + area.height {
            let row = ordered[state.overdue.cursor]
            var text = row.code + "  " + row.title
            if let pending = row.pendingExtension { text += "  " + s.fieldPendingExtension + "：" + pending }
            buffer.put(TextFit.clip(text, area.width - 1), x: 1, y: previewY, maxWidth: area.width - 1, style: Style(.accent))
        }
    }

    static func drawRow(_ row: CaseState, placed: [PlacedColumn], y: Int, width: Int, selected: Bool, state: ConsoleState,
                        into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        if selected { buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: Style(.selected)) }
        func style(_ role: Style.Role) -> Style { selected ? Style(.selected) : Style(role) }
        let left = TimeLeft.of(row, calendar: state.context.calendar, now: state.now)
        for column in placed {
            let x = column.x + 3
            let text: String
            let role: Style.Role
            switch column.id {
            case "code": (text, role) = (row.code, left?.urgency == .overdue ? .overdue : .normal)
            case "timeLeft": (text, role) = (left?.text(s) ?? "-", left?.role ?? .dim)
            case "status": (text, role) = (s.statusName(row.status), .normal)
            case "level": (text, role) = (s.levelName(row.level), row.level.role)
            case "grid": (text, role) = (state.context.gridName(row.grid), .normal)
            case "marks":
                var marks: [String] = []
                if row.pendingExtension != nil { marks.append(s.fieldPendingExtension) }
                if row.supervisionCount > 0 { marks.append(s.actionName(.supervise) + "\(row.supervisionCount)") }
                (text, role) = (marks.joined(separator: " "), .warning)
            default: (text, role) = (row.title, .normal)
            }
            buffer.put(TextFit.clip(text, column.width), x: x, y: y, maxWidth: column.width, style: style(role))
        }
    }
}
