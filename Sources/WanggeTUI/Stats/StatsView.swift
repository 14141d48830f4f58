import WanggeApp
import WanggeAssessment
import WanggeCore

/// Draws the 考核 screen: one line per group with its figures, a horizontal bar and a
/// sparkline of the last weeks for the selected figure, the total line, and the selected
/// figure's numbers and formula.
enum StatsView {
    static let figureWidth = 9
    static let countWidth = 6

    static func render(_ state: ConsoleState, in area: Rect, into buffer: inout ScreenBuffer) {
        let stats = state.stats
        let s = state.context.strings
        titleLine(state, y: area.y, width: area.width, into: &buffer)
        let layout = Layout(state, width: area.width)
        header(state, layout, y: area.y + 1, into: &buffer)
        let rows = StatsUpdate.rows(state)
        let visible = ConsoleLayout.statsRows(state.size)
        if stats.result != nil, rows.isEmpty {
            buffer.put(s.nothingHere, x: 2, y: area.y + 2, maxWidth: area.width - 2, style: Style(.dim))
        }
        guard let result = stats.result else { return }
        let maximum = barMaximum(state.stats.figure, rows.map(\.tally))
        for (offset, row) in rows.dropFirst(stats.scrollTop).prefix(visible).enumerated() {
            let index = stats.scrollTop + offset
            line(state, layout, name: row.name, tally: row.tally, weekly: result.weekly[row.key], total: result.report.total,
                 maximum: maximum, y: area.y + 2 + offset, selected: index == stats.cursor, into: &buffer)
        }
        let totalY = area.y + 2 + min(visible, max(rows.count, 1))
        line(state, layout, name: s.statsTotal, tally: result.report.total, weekly: result.weekly[""], total: nil,
             maximum: barMaximum(state.stats.figure, [result.report.total]), y: totalY, selected: false, into: &buffer)
        formula(state, rows: rows, y: totalY + 1, height: area.y + area.height - totalY - 2, width: area.width, into: &buffer)
        buffer.put(TextFit.clip(s.statsKeys, area.width - 1), x: 1, y: area.y + area.height - 1, maxWidth: area.width - 1, style: Style(.dim))
    }

    /// Where each part of a line goes at this width: the name, the count, a window of
    /// figure columns that keeps the selected one in view, the bar and the sparkline.
    struct Layout {
        var nameWidth: Int
        var figures: [Figure]
        var figuresX: Int
        var barX: Int
        var barWidth: Int
        var sparkX: Int

        init(_ state: ConsoleState, width: Int) {
            let all = state.stats.figures.filter { $0 != .reported }
            let sparkWidth = StatsUpdate.weeks / 2 + 1
            nameWidth = max(8, min(16, width / 6))
            let fixed = 1 + nameWidth + 1 + StatsView.countWidth + 1
            let barWidth = max(6, min(30, width / 8))
            let room = width - fixed - barWidth - sparkWidth - 3
            let count = max(1, min(all.count, room / StatsView.figureWidth))
            let selected = all.firstIndex(of: state.stats.figure) ?? 0
            let first = max(0, min(selected - count / 2, all.count - count))
            figures = Array(all[first..<(first + count)])
            figuresX = fixed
            barX = fixed + count * StatsView.figureWidth + 1
            self.barWidth = max(4, min(barWidth, width - barX - sparkWidth - 2))
            sparkX = barX + self.barWidth + 2
        }
    }

    static func titleLine(_ state: ConsoleState, y: Int, width: Int, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let stats = state.stats
        let calendar = state.context.calendar
        let period = StatsUpdate.period(state)
        let month = calendar.civil(period.from).date.description.prefix(7)
        let through = CaseText.full(min(state.now, period.to), calendar)
        var parts = [s.statsPeriod(String(month), through: through)]
        parts.append(s.statsGroupName(stats.level) + s.statsWhere(placeName(state)))
        parts.append(s.statsSorted(stats.sortFigure, descending: stats.descending))
        var x = 1
        for (index, part) in parts.enumerated() {
            if index > 0 { x += buffer.put(" ｜ ", x: x, y: y, maxWidth: max(0, width - x), style: Style(.dim)) }
            x += buffer.put(part, x: x, y: y, maxWidth: max(0, width - x), style: Style(index == 0 ? .title : .accent, index == 0 ? .bold : []))
        }
        let note = stats.loading ? s.statsComputing : (stats.stale ? s.statsStale : "")
        if !note.isEmpty {
            buffer.put(note, x: max(x + 2, width - DisplayWidth.of(note) - 1), y: y, maxWidth: max(0, width - x - 2),
                       style: Style(stats.stale && !stats.loading ? .warning : .dim))
        }
    }

    /// The place whose groups are listed, by name.
    static func placeName(_ state: ConsoleState) -> String? {
        let org = state.context.organisation
        switch state.stats.level {
        case .street(let code): return org.street(code)?.name ?? code
        case .community(let code): return org.community(code)?.name ?? code
        default: return nil
        }
    }

    static func header(_ state: ConsoleState, _ layout: Layout, y: Int, into buffer: inout ScreenBuffer) {
        let s = state.context.strings
        let style = Style(.header, .bold)
        buffer.put(TextFit.pad(s.statsGroupName(state.stats.level), layout.nameWidth), x: 1, y: y, maxWidth: layout.nameWidth, style: style)
        buffer.put(TextFit.pad(s.figureShortName(.reported), countWidth, alignRight: true), x: 2 + layout.nameWidth, y: y,
                   maxWidth: countWidth, style: style)
        for (i, figure) in layout.figures.enumerated() {
            let selected = figure == state.stats.figure
            buffer.put(TextFit.pad(TextFit.clip(s.figureShortName(figure), figureWidth - 1), figureWidth - 1, alignRight: true),
                       x: layout.figuresX + i * figureWidth, y: y, maxWidth: figureWidth - 1,
                       style: selected ? Style(.accent, [.bold, .underline]) : style)
        }
        buffer.put(TextFit.clip(state.stats.figure.chineseName, layout.barWidth), x: layout.barX, y: y, maxWidth: layout.barWidth,
                   style: Style(.accent, .bold))
        buffer.put(s.statsWeeks, x: layout.sparkX, y: y, maxWidth: max(0, buffer.width - layout.sparkX), style: style)
    }

    static func line(
        _ state: ConsoleState, _ layout: Layout, name: String, tally: FigureTally, weekly: [FigureTally]?, total: FigureTally?,
        maximum: Double, y: Int, selected: Bool, into buffer: inout ScreenBuffer
    ) {
        let width = buffer.width
        if selected { buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: Style(.selected)) }
        func style(_ role: Style.Role, _ attributes: Style.Attributes = []) -> Style {
            selected ? Style(.selected, attributes) : Style(role, attributes)
        }
        let isTotal = total == nil
        buffer.put(TextFit.clip(name, layout.nameWidth), x: 1, y: y, maxWidth: layout.nameWidth,
                   style: style(isTotal ? .header : .normal, isTotal ? .bold : []))
        buffer.put(TextFit.pad(FigureText.value(.reported, tally), countWidth, alignRight: true), x: 2 + layout.nameWidth, y: y,
                   maxWidth: countWidth, style: style(.normal))
        for (i, figure) in layout.figures.enumerated() {
            let text = FigureText.value(figure, tally)
            let worse = total.map { worseThan(figure, tally, $0) } ?? false
            let role: Style.Role = text == "—" ? .dim : (worse ? .warning : .normal)
            buffer.put(TextFit.pad(text, figureWidth - 1, alignRight: true), x: layout.figuresX + i * figureWidth, y: y,
                       maxWidth: figureWidth - 1, style: style(role, figure == state.stats.figure ? .bold : []))
        }
        bar(state.stats.figure.value(tally).map { $0 / maximum } ?? 0, x: layout.barX, y: y, width: layout.barWidth,
            selected: selected, into: &buffer)
        if let weekly {
            let text = Sparkline.braille(weekly.map { state.stats.figure.value($0) }, fixedMaximum: state.stats.figure.kind == .rate ? 1 : nil)
            buffer.put(text, x: layout.sparkX, y: y, maxWidth: max(0, width - layout.sparkX), style: style(.accent))
        }
    }

    /// A horizontal bar of reverse-video cells (no block characters: they are
    /// ambiguous-width), `share` of `width` long.
    static func bar(_ share: Double, x: Int, y: Int, width: Int, selected: Bool, into buffer: inout ScreenBuffer) {
        let filled = Int((min(1, max(0, share)) * Double(width)).rounded())
        buffer.fill(Rect(x: x, y: y, width: filled, height: 1), style: Style(selected ? .selected : .accent, .reverse))
        if filled < width {
            buffer.fill(Rect(x: x + filled, y: y, width: width - filled, height: 1), with: ".",
                        style: selected ? Style(.selected) : Style(.dim))
        }
    }

    /// The longest bar: 100% for rates, else the largest value shown.
    static func barMaximum(_ figure: Figure, _ tallies: [FigureTally]) -> Double {
        if figure.kind == .rate { return 1 }
        return max(1e-9, tallies.compactMap { figure.value($0) }.max() ?? 1)
    }

    /// Whether a group does worse than the whole on a figure (drawn in the warning colour).
    static func worseThan(_ figure: Figure, _ t: FigureTally, _ total: FigureTally) -> Bool {
        guard figure.kind != .count, let v = figure.value(t), let whole = figure.value(total) else { return false }
        return figure.higherIsBetter ? v < whole : v > whole
    }

    /// Under the total: the selected group's figure with its counts, and its formula.
    static func formula(_ state: ConsoleState, rows: [AssessmentRow], y: Int, height: Int, width: Int, into buffer: inout ScreenBuffer) {
        guard height > 0 else { return }
        let figure = state.stats.figure
        let row = rows.indices.contains(state.stats.cursor) ? rows[state.stats.cursor] : nil
        let tally = row?.tally ?? state.stats.result?.report.total ?? FigureTally()
        let parts = FigureText.parts(figure, tally)
        let head = "\(row?.name ?? state.context.strings.statsTotal) \(figure.chineseName) = \(FigureText.value(figure, tally))"
            + (parts.isEmpty ? "" : "（\(parts)）") + "："
        let lines = TextFit.wrap(head + figure.formula, width - 2, maxLines: height)
        for (i, text) in lines.enumerated() {
            buffer.put(text, x: 1, y: y + i, maxWidth: width - 1, style: Style(i == 0 ? .accent : .dim))
        }
    }
}
