import WanggeCore

/// Overdue and nearly due cases grouped by who handles them.
public struct OverdueGroup: Hashable, Sendable {
    public var name: String
    public var cases: [CaseState]
    public var overdue: Int
}

/// Keys and loads of the overdue screen.
enum OverdueUpdate {
    /// The most urgent cases loaded (the title says how many are overdue in all).
    static let limit = 300

    /// The groups, the group with the longest-overdue case first; cases by deadline.
    static func groups(_ state: ConsoleState) -> [OverdueGroup] {
        let org = state.context.organisation
        var order: [String] = []
        var byKey: [String: OverdueGroup] = [:]
        for row in state.overdue.rows {
            let key = row.handler?.description ?? ""
            if byKey[key] == nil {
                order.append(key)
                let name = row.handler.map { org.displayName(of: $0) } ?? state.context.strings.unassigned
                byKey[key] = OverdueGroup(name: name, cases: [], overdue: 0)
            }
            byKey[key]?.cases.append(row)
            if row.isOverdue(at: state.now) { byKey[key]?.overdue += 1 }
        }
        return order.compactMap { byKey[$0] }
    }

    /// What the list shows, line by line: a group header or a case (index in `ordered`).
    enum Line: Hashable {
        case header(Int)
        case item(Int)
    }

    static func lines(_ groups: [OverdueGroup]) -> [Line] {
        var lines: [Line] = []
        var index = 0
        for (groupIndex, group) in groups.enumerated() {
            lines.append(.header(groupIndex))
            for _ in group.cases {
                lines.append(.item(index))
                index += 1
            }
        }
        return lines
    }

    static func selected(_ state: ConsoleState) -> CaseState? {
        let ordered = groups(state).flatMap(\.cases)
        return ordered.indices.contains(state.overdue.cursor) ? ordered[state.overdue.cursor] : nil
    }

    static func handle(_ intent: Intent, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let count = state.overdue.rows.count
        let visible = ConsoleLayout.overdueRows(state.size)
        switch intent {
        case .down: state.overdue.cursor += 1
        case .up: state.overdue.cursor -= 1
        case .pageDown: state.overdue.cursor += visible
        case .pageUp: state.overdue.cursor -= visible
        case .top: state.overdue.cursor = 0
        case .bottom: state.overdue.cursor = count - 1
        case .open:
            guard let selected = selected(state) else { return [] }
            return ConsoleUpdate.openCase(selected.code, &state)
        case .act(let action):
            return ConsoleUpdate.startAction(action, on: selected(state).map { [$0] } ?? [], &state)
        default:
            return []
        }
        state.overdue.cursor = max(0, min(state.overdue.cursor, count - 1))
        keepVisible(&state)
        return []
    }

    /// Scrolls so the selected case (and its group header, when it fits) is on screen.
    static func keepVisible(_ state: inout ConsoleState) {
        let visible = ConsoleLayout.overdueRows(state.size)
        let lines = lines(groups(state))
        guard let line = lines.firstIndex(of: .item(state.overdue.cursor)) else { return }
        if line - 1 < state.overdue.scrollTop { state.overdue.scrollTop = max(0, line - 1) }
        if line >= state.overdue.scrollTop + visible { state.overdue.scrollTop = line - visible + 1 }
    }

    static func loaded(_ state: inout ConsoleState, rows: [CaseState]) {
        let selectedID = selected(state)?.id
        state.overdue.rows = rows
        state.overdue.loaded = true
        let ordered = groups(state).flatMap(\.cases)
        if let selectedID, let index = ordered.firstIndex(where: { $0.id == selectedID }) {
            state.overdue.cursor = index
        }
        state.overdue.cursor = max(0, min(state.overdue.cursor, ordered.count - 1))
        keepVisible(&state)
    }
}
