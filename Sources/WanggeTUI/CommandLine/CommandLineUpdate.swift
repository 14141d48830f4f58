import WanggeApp
import WanggeCore
import WanggeStore

/// The `:` command line: `:dispatch C-… 张三`, `:grid 0103`, `:theme mono`, `:q`…, with
/// Tab completing command names, case codes, people, grids and themes.
enum CommandLineUpdate {
    static let commands = ["dispatch", "open", "grid", "filter", "sort", "theme", "lang", "queue", "map", "board", "overdue", "stats", "routine", "routine-report", "help", "q", "quit"]

    static func handleKey(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard var line = state.commandLine else { return [] }
        switch key {
        case .escape:
            state.commandLine = nil
            return []
        case .enter:
            state.commandLine = nil
            return run(line.editor.text, &state)
        case .tab, .backTab:
            complete(&line, forward: key == .tab, state)
        default:
            if line.editor.handle(key) {
                line.completions = []
            }
        }
        state.commandLine = line
        return []
    }

    // MARK: Running

    static func run(_ text: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        let s = state.context.strings
        let words = text.split(separator: " ").map(String.init)
        guard let command = words.first?.lowercased() else { return [] }
        let rest = Array(words.dropFirst())
        switch command {
        case "q", "quit", "exit", "退出":
            return [.quit]
        case "queue", "队列": return ConsoleUpdate.show(.queue, &state)
        case "map", "网格图": return ConsoleUpdate.show(.map, &state)
        case "board", "看板": return ConsoleUpdate.show(.board, &state)
        case "overdue", "督办": return ConsoleUpdate.show(.overdue, &state)
        case "stats", "考核": return ConsoleUpdate.show(.stats, &state)
        case "help", "帮助":
            state.helpFor = state.screen
            state.helpScroll = 0
            return []
        case "open", "case", "打开":
            guard let code = rest.first else { return usage("open C-XXXX", &state) }
            return ConsoleUpdate.openCase(code.uppercased(), &state)
        case "grid", "网格":
            guard let word = rest.first else { return usage("grid 0103", &state) }
            guard let code = QueueFilter.gridCode(word, state.context.organisation) else {
                state.status = StatusMessage(s.unknownGrid(word), .error)
                return []
            }
            state.queue.filter.grid = code
            return showQueueFresh(&state)
        case "filter", "筛选":
            state.queue.filter.apply(typed: rest.joined(separator: " "), organisation: state.context.organisation,
                                     catalog: state.context.catalog)
            return showQueueFresh(&state)
        case "sort", "排序":
            guard let order = rest.first.flatMap(CaseOrder.init(rawValue:)) else {
                return usage("sort due|newest|oldest|code", &state)
            }
            state.queue.filter.order = order
            return showQueueFresh(&state)
        case "theme", "主题":
            guard let name = rest.first else { return usage("theme dark|light|high-contrast|mono", &state) }
            return [.setTheme(name)]
        case "lang", "语言":
            guard let language = rest.first.flatMap(Language.init(rawValue:)) else { return usage("lang zh|en", &state) }
            state.context.strings = UIStrings(language)
            state.status = StatusMessage(state.context.strings.languageApplied(language))
            return []
        case "dispatch", "派遣":
            return dispatch(rest, &state)
        case "routine", "走访", "巡查":
            return CommandLineRoutine.record(rest, &state)
        case "routine-report", "转案":
            return CommandLineRoutine.report(rest, &state)
        default:
            state.status = StatusMessage(s.unknownCommand(command), .error)
            return []
        }
    }

    static func usage(_ text: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        state.status = StatusMessage(state.context.strings.commandUsage(text), .error)
        return []
    }

    static func showQueueFresh(_ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.screen != .queue {
            state.history.removeAll { $0 == .queue }
            state.history.append(state.screen)
            state.screen = .queue
        }
        return QueueUpdate.restart(&state)
    }

    /// `:dispatch CODE WHO [LIMIT]`: WHO is a login, a name or a unit (code or name).
    static func dispatch(_ words: [String], _ state: inout ConsoleState) -> [ConsoleEffect] {
        let s = state.context.strings
        guard words.count >= 2 else { return usage("dispatch C-XXXX 承办人 [时限]", &state) }
        let code = words[0].uppercased()
        let who = words[1]
        let org = state.context.organisation
        var handler: Handler?
        if let person = org.person(who) {
            handler = .person(person.login)
        } else if let unit = org.unit(who) ?? org.units.first(where: { $0.name == who }) {
            handler = .unit(unit.code)
        } else {
            let named = org.people.filter { $0.name == who }
            if named.count > 1 {
                state.status = StatusMessage(s.ambiguousHandler(who, named.map { "\($0.name)(\($0.login))" }), .error)
                return []
            }
            handler = named.first.map { .person($0.login) }
        }
        guard let handler else {
            state.status = StatusMessage(s.unknownHandler(who), .error)
            return []
        }
        var limit: TimeLimit?
        if words.count > 2 {
            let text = words[2...].joined(separator: " ")
            guard let parsed = TimeLimit(text: text) else {
                state.status = StatusMessage(s.badLimit(text), .error)
                return []
            }
            limit = parsed
        }
        let version = knownCases(state).first { $0.code == code }?.version
        return [.execute([ActionRequest(code: code, expectedVersion: version, command: .dispatch(handler: handler, limit: limit, note: nil))])]
    }

    // MARK: Completion

    /// The cases the console has on screen somewhere: their codes complete, and their
    /// versions guard a `:dispatch` against someone else's change.
    static func knownCases(_ state: ConsoleState) -> [CaseState] {
        var cases = state.queue.rows
        if let current = state.detail?.state { cases.insert(current, at: 0) }
        for level in Level.allCases { cases += state.board.columns[level] ?? [] }
        cases += state.overdue.rows
        return cases
    }

    /// The candidates for word number `index` (0 is the command) of `words`.
    static func candidates(_ index: Int, _ words: [String], _ state: ConsoleState) -> [String] {
        let org = state.context.organisation
        if index == 0 { return commands }
        var seen = Set<String>()
        let codes = knownCases(state).map(\.code).filter { seen.insert($0).inserted }
        switch (words.first?.lowercased() ?? "", index) {
        case ("dispatch", 1), ("派遣", 1), ("open", 1), ("case", 1): return codes
        case ("dispatch", 2), ("派遣", 2):
            let handlerRoles: Set<Role> = [.gridWorker, .partTimeWorker, .gridLeader, .liaison]
            return org.people.filter { handlerRoles.contains($0.role) }.flatMap { [$0.name, $0.login] } + org.units.map(\.name)
        case ("dispatch", 3), ("派遣", 3): return ["4 working_hours", "1 working_days", "3 working_days", "2 urgent_hours"]
        case ("grid", 1), ("网格", 1): return org.grids.flatMap { [$0.code, $0.name] }
        case ("theme", 1), ("主题", 1): return state.context.themeNames
        case ("sort", 1): return CaseOrder.allCases.map(\.rawValue)
        case ("lang", 1): return Language.allCases.map(\.rawValue)
        default: return []
        }
    }

    /// Tab: the first time, lists the candidates for the last word and puts in the
    /// first; each further Tab puts in the next (Shift-Tab the previous).
    static func complete(_ line: inout CommandLineState, forward: Bool, _ state: ConsoleState) {
        var words = line.editor.text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.isEmpty { words = [""] }
        if line.completions.isEmpty {
            let partial = words[words.count - 1]
            let lowered = partial.lowercased()
            let all = candidates(words.count - 1, words, state)
            let prefixed = all.filter { $0.lowercased().hasPrefix(lowered) }
            let containing = all.filter { !$0.lowercased().hasPrefix(lowered) && $0.lowercased().contains(lowered) }
            line.completions = Array((prefixed + containing).prefix(50))
            line.completionIndex = 0
        } else {
            let count = line.completions.count
            line.completionIndex = (line.completionIndex + (forward ? 1 : count - 1)) % count
        }
        guard line.completions.indices.contains(line.completionIndex) else { return }
        words[words.count - 1] = line.completions[line.completionIndex]
        line.editor.set(words.joined(separator: " "))
    }
}
