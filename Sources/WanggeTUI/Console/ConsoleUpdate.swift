import WanggeApp
import WanggeCore
import WanggeStore

/// The console's one state transition: `update(&state, message) -> [effects]`.
///
/// Pure: it reads nothing and writes nothing; loads and actions come back as effects for
/// the runtime, whose answers return as messages. Everything the console does can so be
/// tested by feeding messages and looking at the state and the rendered screen.
public enum ConsoleUpdate {
    /// The effects that fill the first screen.
    public static func start(_ state: inout ConsoleState) -> [ConsoleEffect] {
        reloadCurrent(&state, full: true) + [.loadNewest]
    }

    /// Applies `message` to `state` and says what the runtime must do next.
    public static func update(_ state: inout ConsoleState, _ message: ConsoleMessage) -> [ConsoleEffect] {
        switch message {
        case .key(let key):
            return handleKey(key, &state)
        case .resized(let size):
            state.size = size
            state.queue.keepCursorVisible(visible: ConsoleLayout.queueRows(size))
            var effects: [ConsoleEffect] = []
            if state.screen == .queue && state.queue.needsWindow(visible: ConsoleLayout.queueRows(size)) {
                effects += QueueUpdate.loadWindow(&state, count: false)
            }
            return effects
        case .tick(let now):
            state.now = now
            // Cases fall overdue as time passes: the screens that count them reload.
            return [.map, .overdue, .board].contains(state.screen) ? reloadCurrent(&state, full: false) : []
        case .storeChanged:
            if state.screen == .stats { return StatsUpdate.storeChanged(&state) + [.loadNewest] }
            return reloadCurrent(&state, full: false) + [.loadNewest]
        case let .queueLoaded(generation, offset, rows):
            QueueUpdate.loaded(&state, generation: generation, offset: offset, rows: rows)
            return []
        case let .counted(tag, count):
            switch tag {
            case .queue(let generation):
                guard generation == state.queue.generation else { return [] }
                state.queue.total = count
                state.queue.cursor = min(state.queue.cursor, state.queue.lastIndex)
            case .board(let level):
                state.board.counts[level] = count
            case .overdue:
                state.overdue.overdueTotal = count
            }
            return []
        case .detailLoaded(let detail):
            DetailUpdate.loaded(&state, detail)
            return []
        case .mapLoaded(let loads):
            state.map.loads = loads
            state.map.loaded = true
            return []
        case .boardLoaded(let columns):
            BoardUpdate.loaded(&state, columns: columns)
            return []
        case .overdueLoaded(let rows):
            OverdueUpdate.loaded(&state, rows: rows)
            return []
        case .newestCases(let cases):
            noteNewest(&state, cases)
            return []
        case .executed(let results):
            return FormUpdate.executed(&state, results)
        case let .themeChanged(name, warning):
            state.themeName = name
            state.status = warning.map { StatusMessage($0, .error) } ?? StatusMessage(state.context.strings.themeApplied(name))
            return []
        case let .statsLoaded(request, report):
            StatsUpdate.loaded(&state, request, report)
            return []
        case let .statsSeriesLoaded(request, weekly):
            if request.generation == state.stats.generation { state.stats.result?.weekly = weekly }
            return []
        case let .statsCasesLoaded(drill, ids):
            return StatsUpdate.casesLoaded(&state, drill, ids)
        case let .noted(text, refused):
            state.status = refused ? StatusMessage(state.context.strings.refused(text), .error) : StatusMessage(text)
            return []
        case .failed(let message):
            state.status = StatusMessage(state.context.strings.loadFailed(message), .error)
            state.queue.loading = false
            return []
        case .engineTicked(let report):
            switch report.mode {
            case .active:
                state.engine = .acting
                if report.events > 0 {
                    state.status = StatusMessage(state.context.strings.engineActed(report.lines, events: report.events))
                }
            case .standby(let holder, _):
                state.engine = .standby(holder: holder)
            }
            return []
        case .engineFailed(let message):
            state.engine = .failing
            state.status = StatusMessage(state.context.strings.engineFailed(message), .error)
            return []
        case .waitingForLock(let wait):
            state.status = StatusMessage(state.context.strings.waitingForLock(seconds: wait.seconds, limit: wait.limit), .error)
            return []
        case let .integrityChecked(problem, more):
            state.integrityWarning = problem.map { state.context.strings.integrityWarning($0, more: more) }
            return []
        }
    }

    // MARK: Keys

    static func handleKey(_ key: Key, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if key == .resize { return [] }
        if let screen = state.helpFor {
            if let scroll = HelpView.scroll(after: key, state: state, screen: screen) {
                state.helpScroll = scroll
            } else {
                state.helpFor = nil
            }
            return []
        }
        if key == .ctrl("c") { return [.quit] }
        if key == .ctrl("z") { return [.suspend] }
        if state.form != nil { return FormUpdate.handleKey(key, &state) }
        if state.commandLine != nil { return CommandLineUpdate.handleKey(key, &state) }
        if state.queue.filterEditor != nil { return QueueUpdate.handleFilterKey(key, &state) }
        state.status = nil
        guard let intent = KeyBindings.intent(for: key, on: state.screen) else { return [] }
        if key == .escape && state.screen == .queue {
            // Esc never quits: on the queue it only drops the filters.
            return state.queue.filter.isNarrowed ? QueueUpdate.handle(.clearFilter, &state) : []
        }
        switch intent {
        case .quit: return [.quit]
        case .suspend: return [.suspend]
        case .redraw: return [.redraw]
        case .help:
            state.helpFor = state.screen
            state.helpScroll = 0
            return []
        case .commandLine:
            state.commandLine = CommandLineState()
            return []
        case .show(let screen):
            return show(screen, &state)
        case .refresh:
            state.status = StatusMessage(state.context.strings.refreshed(state.context.strings.screenName(state.screen)))
            return reloadCurrent(&state, full: true)
        case .back where state.screen == .map && !state.map.trail.isEmpty:
            return MapUpdate.handle(.back, &state)
        case .back where state.screen == .stats && !state.stats.trail.isEmpty:
            return StatsUpdate.up(&state)
        case .back:
            return goBack(&state)
        default:
            switch state.screen {
            case .queue: return QueueUpdate.handle(intent, &state)
            case .detail: return DetailUpdate.handle(intent, &state)
            case .map: return MapUpdate.handle(intent, &state)
            case .board: return BoardUpdate.handle(intent, &state)
            case .overdue: return OverdueUpdate.handle(intent, &state)
            case .stats: return StatsUpdate.handle(intent, &state)
            case .help: return []
            }
        }
    }

    // MARK: Navigation

    /// Switches to `screen`, remembering where we were, and loads what it shows.
    static func show(_ screen: ScreenID, _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard screen != state.screen else { return reloadCurrent(&state, full: false) }
        state.history.removeAll { $0 == screen }
        state.history.append(state.screen)
        state.screen = screen
        return reloadCurrent(&state, full: true)
    }

    /// Back to the previous screen; from the queue with nothing behind it, quit.
    static func goBack(_ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let previous = state.history.popLast() else {
            return state.screen == .queue ? [.quit] : show(.queue, &state)
        }
        state.screen = previous
        return reloadCurrent(&state, full: false)
    }

    /// Opens the case screen on `code`.
    static func openCase(_ code: String, _ state: inout ConsoleState) -> [ConsoleEffect] {
        if state.screen != .detail {
            state.history.append(state.screen)
        }
        state.screen = .detail
        state.detail = DetailState(code: code)
        return [.loadDetail(code: code)]
    }

    /// Reloads what the current screen shows. `full` also recounts the queue.
    static func reloadCurrent(_ state: inout ConsoleState, full: Bool) -> [ConsoleEffect] {
        switch state.screen {
        case .queue: return QueueUpdate.loadWindow(&state, count: true)
        case .detail: return state.detail.map { [.loadDetail(code: $0.code)] } ?? []
        case .map: return [.loadMap]
        case .board:
            return [.loadBoard(perColumn: BoardUpdate.perColumn)]
                + Level.allCases.map { .count(CaseQuery(openOnly: true, level: $0), .board($0)) }
        case .overdue:
            return [.loadOverdue(limit: OverdueUpdate.limit), .count(CaseQuery(overdueAt: state.now), .overdue)]
        case .stats:
            return full || state.stats.result == nil ? StatsUpdate.load(&state) : []
        case .help: return []
        }
    }

    /// Marks cases that appeared since the console started (or since last seen).
    static func noteNewest(_ state: inout ConsoleState, _ cases: [CaseState]) {
        let newest = cases.map(\.id).max()
        guard let known = state.newestSeenID else {
            state.newestSeenID = newest ?? 0
            return
        }
        for c in cases where c.id > known { state.newCaseIDs.insert(c.id) }
        if let newest, newest > known { state.newestSeenID = newest }
    }

    /// Offers the form for `action` on `cases`, or says why the first one refuses it.
    static func startAction(_ action: Action, on cases: [CaseState], _ state: inout ConsoleState) -> [ConsoleEffect] {
        guard let first = cases.first else {
            state.status = StatusMessage(state.context.strings.nothingTagged, .error)
            return []
        }
        if cases.count == 1, let refusal = CaseActions.refusal(action, on: first, context: state.context, now: state.now) {
            state.status = StatusMessage(state.context.strings.refused(refusal), .error)
            return []
        }
        state.form = ActionFormBuilder.form(for: action, targets: cases.map(ActionTarget.init), context: state.context)
        return []
    }
}
