import WanggeCore

/// Keys and loads of the escalation board.
enum BoardUpdate {
    /// Cards loaded per column (the header shows the full count).
    static let perColumn = 40

    static func handle(_ intent: Intent, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let level = Level.allCases[state.board.column]
        let count = state.board.columns[level]?.count ?? 0
        switch intent {
        case .left: state.board.column = max(0, state.board.column - 1)
        case .right: state.board.column = min(Level.allCases.count - 1, state.board.column + 1)
        case .up: state.board.cards[level] = max(0, (state.board.cards[level] ?? 0) - 1)
        case .down: state.board.cards[level] = min(max(0, count - 1), (state.board.cards[level] ?? 0) + 1)
        case .open:
            guard let selected = state.board.selected else { return [] }
            return ConsoleUpdate.openCase(selected.code, &state)
        case .act(let action):
            return ConsoleUpdate.startAction(action, on: state.board.selected.map { [$0] } ?? [], &state)
        default:
            break
        }
        return []
    }

    /// Cards arrived: keep each column's selection on the same case when it is still
    /// there (a case escalated by someone else moves column under the operator's eyes).
    static func loaded(_ state: inout ConsoleState, columns: [Level: [CaseState]]) {
        var cards: [Level: Int] = [:]
        for level in Level.allCases {
            let old = state.board.columns[level] ?? []
            let oldIndex = state.board.cards[level] ?? 0
            let selectedID = old.indices.contains(oldIndex) ? old[oldIndex].id : nil
            let new = columns[level] ?? []
            cards[level] = selectedID.flatMap { id in new.firstIndex { $0.id == id } } ?? min(oldIndex, max(0, new.count - 1))
        }
        state.board.columns = columns
        state.board.cards = cards
        state.board.loaded = true
    }
}
