import WanggeApp
import WanggeAssessment
import WanggeCore

/// The 考核 screen's own keys (beyond moving, Enter and going back).
public enum StatsKey: Hashable, Sendable {
    /// Sort by the selected column; again reverses; a third time back to the
    /// organisation's order.
    case sort
    case previousMonth, nextMonth
    /// Places (drilled), workers, departments.
    case cycleGroups
    /// The cases that pull the selected figure down (late, not closed, reworked...).
    case openFailing
}

/// Keys and loads of the 考核 screen.
enum StatsUpdate {
    /// Weeks of history in each sparkline.
    static let weeks = 8
    /// A change in the store recomputes the figures at most this often (a month over a
    /// million cases is a second of work); in between the title says they are stale.
    static let autoReloadSeconds: Int64 = 60

    /// The first level: the streets, or the communities when there is one street.
    static func initialLevel(_ organisation: Organisation) -> StatsLevel {
        organisation.streets.count == 1 ? .street(organisation.streets[0].code) : .county
    }

    /// The month shown: the current one, `monthsBack` months ago.
    static func period(_ state: ConsoleState) -> AssessmentPeriod {
        let calendar = state.context.calendar
        var period = AssessmentPeriod.month(of: state.now, calendar: calendar)
        for _ in 0..<state.stats.monthsBack { period = AssessmentPeriod.month(of: period.from - 1, calendar: calendar) }
        return period
    }

    /// The last `weeks` weeks (Monday to Monday, local time), the current one last.
    static func weekPeriods(_ state: ConsoleState) -> [AssessmentPeriod] {
        let calendar = state.context.calendar
        let today = calendar.civil(state.now).date
        let monday = today.adding(days: -(today.weekday - 1))
        return (0..<weeks).reversed().map { back in
            let start = monday.adding(days: -7 * back)
            return AssessmentPeriod(from: calendar.startOfDay(start), to: calendar.startOfDay(start.adding(days: 7)))
        }
    }

    static func load(_ state: inout ConsoleState) -> [ConsoleEffect] {
        state.stats.generation += 1
        state.stats.loading = true
        return [.loadStats(StatsRequest(
            level: state.stats.level, period: period(state), weeks: weekPeriods(state), generation: state.stats.generation))]
    }

    static func loaded(_ state: inout ConsoleState, _ request: StatsRequest, _ report: AssessmentReport) {
        guard request.generation == state.stats.generation else { return }
        let selected = selectedKey(state)
        // The sparklines of the previous answer stay until the new weeks arrive.
        state.stats.result = StatsResult(report: report, weekly: state.stats.result?.weekly ?? [:])
        state.stats.loading = false
        state.stats.stale = false
        state.stats.loadedAt = state.now
        if let selected, let index = rows(state).firstIndex(where: { $0.key == selected }) { state.stats.cursor = index }
        clamp(&state)
    }

    /// The store changed: recompute if the figures are old enough, else mark them stale.
    static func storeChanged(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard !state.stats.loading else { return [] }
        if let at = state.stats.loadedAt, state.now - at < autoReloadSeconds {
            state.stats.stale = true
            return []
        }
        return load(&state)
    }

    /// The rows in the order shown.
    static func rows(_ state: ConsoleState) -> [AssessmentRow] {
        guard let report = state.stats.result?.report else { return [] }
        guard let figure = state.stats.sortFigure else { return report.rows }
        let descending = state.stats.descending
        let indexed = report.rows.enumerated().map { (offset: $0.offset, row: $0.element, value: figure.value($0.element.tally)) }
        return indexed.sorted { a, b in
            switch (a.value, b.value) {
            case let (x?, y?) where x != y: return descending ? x > y : x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.row)
    }

    static func selectedKey(_ state: ConsoleState) -> String? {
        let list = rows(state)
        return list.indices.contains(state.stats.cursor) ? list[state.stats.cursor].key : nil
    }

    static func clamp(_ state: inout ConsoleState) {
        let count = rows(state).count
        state.stats.cursor = max(0, min(state.stats.cursor, count - 1))
        let visible = ConsoleLayout.statsRows(state.size)
        if state.stats.cursor < state.stats.scrollTop { state.stats.scrollTop = state.stats.cursor }
        if state.stats.cursor >= state.stats.scrollTop + visible { state.stats.scrollTop = state.stats.cursor - visible + 1 }
        state.stats.scrollTop = max(0, min(state.stats.scrollTop, max(0, count - visible)))
    }

    static func handle(_ intent: Intent, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let visible = ConsoleLayout.statsRows(state.size)
        let figures = state.stats.figures
        let column = figures.firstIndex(of: state.stats.figure) ?? 0
        switch intent {
        case .down: state.stats.cursor += 1
        case .up: state.stats.cursor -= 1
        case .pageDown: state.stats.cursor += visible
        case .pageUp: state.stats.cursor -= visible
        case .top: state.stats.cursor = 0
        case .bottom: state.stats.cursor = rows(state).count - 1
        case .right: state.stats.figure = figures[min(figures.count - 1, column + 1)]
        case .left: state.stats.figure = figures[max(0, column - 1)]
        case .open: return open(&state, selection: .counted)
        case .stats(let key): return handle(key, &state)
        case .back: return up(&state)
        default: return []
        }
        clamp(&state)
        return []
    }

    static func handle(_ key: StatsKey, _ state: inout ConsoleState) -> [ConsoleEffect] {
        switch key {
        case .sort:
            if state.stats.sortFigure != state.stats.figure {
                state.stats.sortFigure = state.stats.figure
                state.stats.descending = state.stats.figure.higherIsBetter
            } else if state.stats.descending == state.stats.figure.higherIsBetter {
                state.stats.descending.toggle()
            } else {
                state.stats.sortFigure = nil
            }
            state.stats.cursor = 0
            clamp(&state)
            return []
        case .previousMonth:
            state.stats.monthsBack += 1
            return load(&state)
        case .nextMonth:
            guard state.stats.monthsBack > 0 else { return [] }
            state.stats.monthsBack -= 1
            return load(&state)
        case .cycleGroups:
            let next: StatsLevel = switch state.stats.level {
            case .workers: .departments
            case .departments: initialLevel(state.context.organisation)
            default: .workers
            }
            state.stats.trail = []
            return go(to: next, &state)
        case .openFailing:
            return open(&state, selection: .failing)
        }
    }

    /// Enter: a place drills into its places; a grid, worker or department opens the
    /// queue of the cases its selected figure counts.
    static func open(_ state: inout ConsoleState, selection: FigureDrill.Selection) -> [ConsoleEffect] {
        guard let key = selectedKey(state) else { return [] }
        if selection == .counted, let child = state.stats.level.child(of: key) {
            state.stats.trail.append((state.stats.level, state.stats.cursor))
            return go(to: child, &state)
        }
        let row = rows(state)[state.stats.cursor]
        let s = state.context.strings
        let drill = StatsDrill(
            figure: state.stats.figure, dimension: state.stats.level.dimension, key: key, period: period(state),
            selection: selection, label: s.statsDrillLabel(row.name, figure: state.stats.figure, failing: selection == .failing))
        return [.loadStatsCases(drill)]
    }

    /// Back up one level; at the top, the previous screen.
    static func up(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let last = state.stats.trail.popLast() else { return ConsoleUpdate.goBack(&state) }
        let effects = go(to: last.level, &state)
        state.stats.cursor = last.cursor
        return effects
    }

    static func go(to level: StatsLevel, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.stats.level = level
        state.stats.result = nil
        state.stats.cursor = 0
        state.stats.scrollTop = 0
        if !state.stats.figures.contains(state.stats.figure) { state.stats.figure = .handledOnTime }
        if let sort = state.stats.sortFigure, !state.stats.figures.contains(sort) { state.stats.sortFigure = nil }
        return load(&state)
    }

    /// The cases behind a figure arrived: the queue shows exactly them.
    static func casesLoaded(_ state: inout ConsoleState, _ drill: StatsDrill, _ ids: [Int64]) -> [ConsoleEffect] {
        var filter = QueueFilter()
        filter.order = state.queue.filter.order
        filter.openOnly = false
        filter.caseIDs = ids
        filter.caseLabel = drill.label
        state.queue.filter = filter
        QueueUpdate.reset(&state)
        state.queue.tagged.removeAll()
        return ConsoleUpdate.show(.queue, &state)
    }
}
