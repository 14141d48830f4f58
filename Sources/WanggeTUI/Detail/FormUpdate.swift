import WanggeCore

/// Keys of an open action form, and what happens when its action comes back.
enum FormUpdate {
    static func handleKey(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var form = state.form else { return [] }
        defer { if state.form != nil { state.form = form } }
        if key == .escape {
            state.form = nil
            return []
        }
        if key == .enter {
            switch ActionFormBuilder.command(from: form, context: state.context) {
            case .failure(let problem):
                form.error = problem.message
                if let field = problem.field, let index = form.fields.firstIndex(where: { $0.id == field }) {
                    form.focus = index
                }
                return []
            case .success(let command):
                form.error = nil
                return [.execute(form.targets.map { ActionRequest(code: $0.code, expectedVersion: $0.version, command: command) })]
            }
        }
        guard form.fields.indices.contains(form.focus) else { return [] }
        var field = form.fields[form.focus]
        let listField: Bool = switch field.kind {
        case .picker, .multi: true
        default: false
        }
        switch key {
        case .tab:
            form.focus = (form.focus + 1) % form.fields.count
            return []
        case .backTab:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
            return []
        case .down where !listField:
            form.focus = min(form.fields.count - 1, form.focus + 1)
            return []
        case .up where !listField:
            form.focus = max(0, form.focus - 1)
            return []
        default:
            break
        }
        switch field.kind {
        case .text:
            _ = field.editor.handle(key)
        case .choice(let choices):
            switch key {
            case .left: field.index = (field.index + choices.count - 1) % max(1, choices.count)
            case .right, .char(" "): field.index = (field.index + 1) % max(1, choices.count)
            default: break
            }
        case .picker:
            switch key {
            case .down: field.index = min(field.index + 1, max(0, field.filteredChoices.count - 1))
            case .up: field.index = max(0, field.index - 1)
            default:
                if field.editor.handle(key) { field.index = 0 }
            }
        case .multi(let choices):
            switch key {
            case .down: field.index = min(field.index + 1, max(0, choices.count - 1))
            case .up: field.index = max(0, field.index - 1)
            case .char(" "):
                guard choices.indices.contains(field.index) else { break }
                let value = choices[field.index].value
                if let at = field.ticked.firstIndex(of: value) { field.ticked.remove(at: at) } else { field.ticked.append(value) }
            default: break
            }
        }
        form.fields[form.focus] = field
        form.error = nil
        return []
    }

    /// The answer to an `.execute` effect.
    static func executed(_ state: inout ConsoleState, _ results: [ActionResult]) -> [ConsoleEffect] {
        let s = state.context.strings
        let failures = results.filter { $0.refusal != nil }
        let successes = results.filter { $0.refusal == nil }
        if results.count == 1, let refusal = failures.first?.refusal {
            if refusal.reason == .invalidInput, state.form != nil {
                state.form?.error = refusal.message
                return []
            }
            state.form = nil
            state.status = StatusMessage(refusal.reason == .conflict ? s.conflictNotice(refusal.message) : s.refused(refusal), .error)
            return ConsoleUpdate.reloadCurrent(&state, full: false)
        }
        state.form = nil
        for result in successes {
            if let id = state.queue.tagged.first(where: { $0.value.code == result.request.code })?.key {
                state.queue.tagged.removeValue(forKey: id)
            }
        }
        if results.count == 1 {
            state.status = StatusMessage(successes.first?.outcome ?? "")
        } else {
            let firstFailure = failures.first.flatMap { $0.refusal.map { "\($0.message)" } } ?? ""
            state.status = StatusMessage(s.bulkDone(ok: successes.count, failed: failures.count) + firstFailure,
                                         failures.isEmpty ? .info : .error)
        }
        return ConsoleUpdate.reloadCurrent(&state, full: false)
    }
}
