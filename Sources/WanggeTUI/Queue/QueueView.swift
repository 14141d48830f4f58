import WanggeApp
import WanggeCore

/// Draws the queue: the filter line, the column header, the rows and a preview line.
enum QueueView {
    /// At 80 columns every column but the title fits (the title is on the preview line);
    /// wider terminals grow the names and then the title.
    static let columns: [ColumnSpec] = [
        ColumnSpec("mark", min: 3, ideal: 3, priority: 90),
        ColumnSpec("code", min: 14, ideal: 14, priority: 100),
        ColumnSpec("level", min: 4, ideal: 4, priority: 70),
        ColumnSpec("status", min: 6, ideal: 6, priority: 80),
        ColumnSpec("timeLeft", min: 12, ideal: 14, priority: 95),
        ColumnSpec("category", min: 8, ideal: 14, priority: 60),
        ColumnSpec("grid", min: 8, ideal: 18, priority: 65),
        ColumnSpec("handler", min: 6, ideal: 16, priority: 50),
        ColumnSpec("age", min: 4, ideal: 5, priority: 40),
        ColumnSpec("title", min: 16, ideal: 40, priority: 30, flexible: true),
    ]

    static func render(_ state: ConsoleState, in area: Rect, glyphs: BoxGlyphs, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let queue = state.queue
        filterLine(state, y: area.y, width: area.width, into: &buffer)
        let placed = ColumnLayout.place(columns, width: area.width - 1)
        let headerY = area.y + 1
        buffer.fill(Rect(x: 0, y: headerY, width: area.width, height: 1), style: Style(.header))
        for column in placed {
            buffer.put(header(column.id, s), x: column.x + 1, y: headerY, maxWidth: column.width, style: Style(.header))
        }
        let visible = ConsoleLayout.queueRows(state.size)
        let listY = headerY + 1
        if queue.total == 0 && !queue.loading {
            buffer.put(s.nothingHere, x: 2, y: listY, maxWidth: area.width - 2, style: Style(.dim))
        }
        for line in 0..<visible {
            let index = queue.scrollTop + line
            guard let row = queue.row(at: index) else { continue }
            let selected = index == queue.cursor
            drawRow(row, state: state, placed: placed, y: listY + line, width: area.width, selected: selected, into: &buffer)
        }
        // Preview: the selected case's whole title (the column may have been cut or dropped).
        let previewY = listY + visible
        if let row = queue.selected, previewY < area.y + area.height {
            let text = row.code + "  " + row.title + (row.description.isEmpty ? "" : "  " + row.description)
            buffer.put(TextFit.clip(text, area.width - 1), x: 1, y: previewY, maxWidth: area.width - 1, style: Style(.accent))
        }
    }

    static func header(_ id: String, _ s: UIStrings) -> String {
        switch id {
        case "code": s.columnCode
        case "level": s.columnLevel
        case "status": s.columnStatus
        case "timeLeft": s.columnTimeLeft
        case "category": s.columnCategory
        case "grid": s.columnGrid
        case "handler": s.columnHandler
        case "age": s.columnAge
        case "title": s.columnTitle
        default: ""
        }
    }

    static func drawRow(
        _ row: CaseState, state: ConsoleState, placed: [PlacedColumn], y: Int, width: Int, selected: Bool,
        into buffer: inout ScreenBuffer
    ) {
        let s = state.context.strings
        let tagged = state.queue.tagged[row.id] != nil
        let isNew = state.newCaseIDs.contains(row.id)
        let base: Style.Role = selected ? .selected : .normal
        if selected { buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: Style(.selected)) }
        func style(_ role: Style.Role) -> Style { selected ? Style(.selected) : Style(role) }
        let left = TimeLeft.of(row, calendar: state.context.calendar, now: state.now)
        for column in placed {
            let x = column.x + 1
            switch column.id {
            case "mark":
                if tagged { buffer.put("+", x: x, y: y, style: Style(selected ? .selected : .tagged, .bold)) }
                if isNew { buffer.put(s.newMark, x: x + 1, y: y, maxWidth: 2, style: Style(selected ? .selected : .newCase, .bold)) }
            case "code":
                buffer.put(row.code, x: x, y: y, maxWidth: column.width, style: style(tagged ? .tagged : (isNew ? .newCase : base)))
            case "level":
                buffer.put(s.levelName(row.level), x: x, y: y, maxWidth: column.width, style: style(row.level.role))
            case "status":
                buffer.put(s.statusName(row.status), x: x, y: y, maxWidth: column.width, style: style(base))
            case "timeLeft":
                let text = left?.text(s) ?? "-"
                buffer.put(TextFit.clip(text, column.width), x: x, y: y, maxWidth: column.width, style: style(left?.role ?? .dim))
            case "category":
                buffer.put(TextFit.clip(state.context.categoryName(row.category), column.width), x: x, y: y,
                           maxWidth: column.width, style: style(base))
            case "grid":
                let grid = state.context.organisation.grid(row.grid)
                let role: Style.Role = grid?.kind.isExclusive == true ? .exclusiveGrid : base
                buffer.put(TextFit.clip(state.context.gridName(row.grid), column.width), x: x, y: y,
                           maxWidth: column.width, style: style(role))
            case "handler":
                let name = row.handler.map { state.context.organisation.displayName(of: $0) } ?? "-"
                buffer.put(TextFit.clip(name, column.width), x: x, y: y, maxWidth: column.width, style: style(row.handler == nil ? .dim : base))
            case "age":
                buffer.put(s.age(state.now - row.reportedAt), x: x, y: y, maxWidth: column.width, style: style(.dim))
            case "title":
                buffer.put(TextFit.clip(row.title, column.width), x: x, y: y, maxWidth: column.width, style: style(base))
            default:
                break
            }
        }
    }

    /// Row 1: what the queue is showing, or the `/` prompt while it is open.
    static func filterLine(_ state: ConsoleState, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let queue = state.queue
        if let editor = queue.filterEditor {
            var x = buffer.put(" " + s.filterPrompt + " /", x: 0, y: y, style: Style(.accent, .bold))
            x += 1
            let fieldWidth = max(10, min(40, width - x - 2))
            editor.render(into: &buffer, x: x, y: y, width: fieldWidth, style: Style(.normal, .underline), focused: true)
            let hintX = x + fieldWidth + 2
            buffer.put(TextFit.clip(s.filterHelp, width - hintX), x: hintX, y: y, maxWidth: max(0, width - hintX), style: Style(.dim))
            return
        }
        let filter = queue.filter
        var parts: [String] = [s.queueTitle(total: queue.total, shown: queue.rows.count)]
        parts.append(filter.openOnly ? s.openOnly : s.allStates)
        parts.append(s.sortName(filter.order))
        if filter.mine { parts.append(s.onlyMine) }
        if filter.overdue { parts.append(s.onlyOverdue) }
        if filter.onlyNew { parts.append(s.onlyNew) }
        if let level = filter.level { parts.append(s.levelName(level)) }
        if let grid = filter.grid { parts.append(s.filterGrid(state.context.gridName(grid))) }
        if let category = filter.categoryPrefix { parts.append(s.filterCategory(state.context.categoryName(category))) }
        if let text = filter.text { parts.append(s.filterText(text)) }
        if let label = filter.caseLabel, filter.caseIDs != nil { parts.append(label) }
        if !queue.tagged.isEmpty { parts.append(s.tagged(queue.tagged.count)) }
        var x = 1
        for (index, part) in parts.enumerated() {
            let role: Style.Role = index == 0 ? .title : (index <= 2 ? .dim : .accent)
            if index > 0 { x += buffer.put(" ｜ ", x: x, y: y, maxWidth: max(0, width - x), style: Style(.dim)) }
            x += buffer.put(part, x: x, y: y, maxWidth: max(0, width - x), style: Style(role, index == 0 ? .bold : []))
        }
        if queue.total == nil || queue.loading {
            let text = queue.total == nil ? s.counting : s.loading
            buffer.put(text, x: max(x + 2, width - DisplayWidth.of(text) - 1), y: y, maxWidth: max(0, width - x - 2), style: Style(.dim))
        }
    }
}
