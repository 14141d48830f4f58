import WanggeCore

/// Keys and loads of the case screen.
enum DetailUpdate {
    static func handle(_ intent: Intent, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var detail = state.detail else { return [] }
        let page = max(1, state.size.height / 2)
        switch intent {
        case .down: detail.scroll += 1
        case .up: detail.scroll -= 1
        case .pageDown: detail.scroll += page
        case .pageUp: detail.scroll -= page
        case .act(let action):
            guard let current = detail.state else { return [] }
            return ConsoleUpdate.startAction(action, on: [current], &state)
        default:
            return []
        }
        detail.scroll = max(0, min(detail.scroll, max(0, detail.events.count - 1)))
        state.detail = detail
        return []
    }

    static func loaded(_ state: inout ConsoleState, _ loaded: CaseDetail) {
        guard var detail = state.detail, detail.code == loaded.state.code || detail.code.uppercased() == loaded.state.code
        else { return }
        detail.code = loaded.state.code
        detail.state = loaded.state
        detail.events = loaded.events
        detail.duplicates = loaded.duplicates
        detail.actions = CaseActions.available(on: loaded.state, context: state.context, now: state.now)
        state.detail = detail
        state.newCaseIDs.remove(loaded.state.id)
    }
}
