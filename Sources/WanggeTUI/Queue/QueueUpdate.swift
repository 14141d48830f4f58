import WanggeCore
import WanggeStore

/// Keys and loads of the queue screen.
enum QueueUpdate {
    static func handle(_ intent: Intent, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let visible = ConsoleLayout.queueRows(state.size)
        switch intent {
        case .down: state.queue.move(by: 1, visible: visible)
        case .up: state.queue.move(by: -1, visible: visible)
        case .pageDown:
            state.queue.scrollTop += visible
            state.queue.move(by: visible, visible: visible)
        case .pageUp:
            state.queue.scrollTop = max(0, state.queue.scrollTop - visible)
            state.queue.move(by: -visible, visible: visible)
        case .top: state.queue.move(by: -state.queue.cursor, visible: visible)
        case .bottom: state.queue.move(by: state.queue.lastIndex - state.queue.cursor, visible: visible)
        case .open:
            guard let selected = state.queue.selected else { return [] }
            return ConsoleUpdate.openCase(selected.code, &state)
        case .filter:
            state.queue.filterEditor = LineEditor(state.queue.filter.typedForm)
            return []
        case .clearFilter:
            let order = state.queue.filter.order
            state.queue.filter = QueueFilter()
            state.queue.filter.order = order
            return restart(&state)
        case .quickMine:
            state.queue.filter.mine.toggle()
            return restart(&state)
        case .quickOverdue:
            state.queue.filter.overdue.toggle()
            return restart(&state)
        case .quickNew:
            state.queue.filter.onlyNew.toggle()
            return restart(&state)
        case .cycleLevel:
            let levels: [Level?] = [nil] + Level.allCases.map(Optional.some)
            let index = levels.firstIndex(of: state.queue.filter.level) ?? 0
            state.queue.filter.level = levels[(index + 1) % levels.count]
            return restart(&state)
        case .toggleOpenOnly:
            state.queue.filter.openOnly.toggle()
            return restart(&state)
        case .cycleSort:
            let orders = CaseOrder.allCases
            let index = orders.firstIndex(of: state.queue.filter.order) ?? 0
            state.queue.filter.order = orders[(index + 1) % orders.count]
            return restart(&state)
        case .toggleTag:
            guard let selected = state.queue.selected else { return [] }
            if state.queue.tagged.removeValue(forKey: selected.id) == nil {
                state.queue.tagged[selected.id] = ActionTarget(selected)
            }
            state.queue.move(by: 1, visible: visible)
        case .tagAll:
            if state.queue.tagged.isEmpty {
                for index in state.queue.scrollTop..<(state.queue.scrollTop + visible) {
                    if let row = state.queue.row(at: index) { state.queue.tagged[row.id] = ActionTarget(row) }
                }
            } else {
                state.queue.tagged.removeAll()
            }
        case .act(let action):
            return startOnQueue(action, &state)
        case .bulkDispatch:
            guard !state.queue.tagged.isEmpty else {
                state.status = StatusMessage(state.context.strings.nothingTagged, .error)
                return []
            }
            return startOnQueue(.dispatch, &state)
        default:
            return []
        }
        return state.queue.needsWindow(visible: visible) ? loadWindow(&state, count: false) : []
    }

    /// The action on the tagged cases, or on the selected one when none is tagged.
    static func startOnQueue(_ action: Action, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if !state.queue.tagged.isEmpty {
            let targets = state.queue.tagged.values.sorted { $0.code < $1.code }
            state.form = ActionFormBuilder.form(for: action, targets: targets, context: state.context)
            return []
        }
        return ConsoleUpdate.startAction(action, on: state.queue.selected.map { [$0] } ?? [], &state)
    }

    /// After the filter changed: back to the top, new generation, load and count.
    static func restart(_ state: inout ConsoleState) -> [ConsoleEffect] {
        reset(&state)
        return loadWindow(&state, count: true)
    }

    /// Forgets the loaded rows, count and position after the filter changed.
    static func reset(_ state: inout ConsoleState) {
        state.queue.generation += 1
        state.queue.cursor = 0
        state.queue.scrollTop = 0
        state.queue.total = nil
        state.queue.rows = []
        state.queue.rowsOffset = 0
    }

    /// Loads the window around the scroll position (and recounts when `count`).
    static func loadWindow(_ state: inout ConsoleState, count: Bool) -> [ConsoleEffect] {
        let visible = ConsoleLayout.queueRows(state.size)
        let window = state.queue.window(visible: visible)
        var query = state.queue.filter.query(person: state.context.person, now: state.now)
        query.limit = window.limit
        query.offset = window.offset
        state.queue.loading = true
        var effects: [ConsoleEffect] = [.loadQueue(query, generation: state.queue.generation)]
        if count {
            var all = query
            all.limit = nil
            all.offset = 0
            effects.append(.count(all, .queue(generation: state.queue.generation)))
        }
        return effects
    }

    /// A window arrived: keep the cursor on the same case when it is still there.
    static func loaded(_ state: inout ConsoleState, generation: Int, offset: Int, rows: [CaseState]) {
        guard generation == state.queue.generation else { return }
        let selectedID = state.queue.selected?.id
        state.queue.rows = rows
        state.queue.rowsOffset = offset
        state.queue.loading = false
        if state.queue.total == nil && rows.isEmpty && offset == 0 { state.queue.total = 0 }
        if let selectedID, let index = rows.firstIndex(where: { $0.id == selectedID }) {
            state.queue.cursor = offset + index
        }
        // Tags keep the version seen when tagged; a tagged case that changed keeps it,
        // so a bulk action on it is refused as stale rather than applied blindly.
        state.queue.cursor = min(state.queue.cursor, state.queue.lastIndex)
        state.queue.keepCursorVisible(visible: ConsoleLayout.queueRows(state.size))
    }

    /// Keys while the `/` prompt is open.
    static func handleFilterKey(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var editor = state.queue.filterEditor else { return [] }
        switch key {
        case .escape:
            state.queue.filterEditor = nil
            return []
        case .enter:
            state.queue.filterEditor = nil
            state.queue.filter.apply(
                typed: editor.text, organisation: state.context.organisation, catalog: state.context.catalog)
            return restart(&state)
        default:
            _ = editor.handle(key)
            state.queue.filterEditor = editor
            return []
        }
    }
}
