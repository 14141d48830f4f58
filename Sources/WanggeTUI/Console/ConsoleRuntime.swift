import WanggeApp
import WanggeCore
import WanggeStore

/// Runs the console on a terminal: reads keys, polls the store's change counter, turns
/// both into messages for `ConsoleUpdate`, carries out the effects through
/// `ConsoleData`, and renders a frame when something changed.
///
/// Idle, it blocks in `readKey` for `pollMilliseconds` and then asks SQLite one pragma,
/// so it costs next to nothing; another console's commit is seen on the next poll.
public final class ConsoleRuntime<Backend: TerminalBackend> {
    public private(set) var state: ConsoleState
    public private(set) var theme: Theme
    public let backend: Backend
    public private(set) var driver: FrameDriver<Backend>
    let data: ConsoleData
    let themes: ThemeCatalog
    let clock: () -> Instant
    /// How long `readKey` waits before the store is polled again.
    public var pollMilliseconds = 200
    private var lastCounter: Int64?
    private var dirty = true

    /// A console for `context` on `backend`, reading and writing through `data`.
    /// `clock` is the only source of time (tests pass a fixed one).
    public init(
        backend: Backend, data: ConsoleData, context: ConsoleContext, theme: Theme, themes: ThemeCatalog = .builtIn,
        clock: @escaping () -> Instant, notice: String? = nil
    ) {
        self.backend = backend
        self.data = data
        self.theme = theme
        self.themes = themes
        self.clock = clock
        driver = FrameDriver(backend: backend)
        state = ConsoleState(context: context, size: backend.size, now: clock(), themeName: theme.name)
        if let notice { state.status = StatusMessage(notice, .error) }
        backend.setPalette(theme.palette, monochrome: theme.monochrome)
    }

    /// Loads the first screen and draws it.
    @discardableResult
    public func start() -> FrameDriver<Backend>.Report {
        lastCounter = try? data.changeCounter()
        perform(ConsoleUpdate.start(&state))
        return render()
    }

    /// The main loop, until the operator quits.
    public func run() {
        start()
        while !state.quitting {
            if let key = backend.readKey(timeoutMilliseconds: pollMilliseconds) {
                handle(key)
                // Keys typed ahead (a paste, a held key) are applied before one frame.
                var drained = 0
                while drained < 64, !state.quitting, let more = backend.readKey(timeoutMilliseconds: 0) {
                    handle(more)
                    drained += 1
                }
            }
            if state.quitting { break }
            pollStore()
            tick()
            if dirty { render() }
        }
    }

    /// Applies every key already queued, polls the store once and renders: how tests
    /// drive the console on an `InMemoryTerminal` without waiting.
    @discardableResult
    public func runPending() -> FrameDriver<Backend>.Report {
        while !state.quitting, let key = backend.readKey(timeoutMilliseconds: 0) { handle(key) }
        pollStore()
        tick()
        return render()
    }

    /// Applies one key.
    public func handle(_ key: Key) {
        if key == .resize {
            send(.resized(backend.size))
            return
        }
        send(.key(key))
    }

    /// Applies a message and everything it leads to.
    public func send(_ message: ConsoleMessage) {
        dirty = true
        perform(ConsoleUpdate.update(&state, message))
    }

    /// Sends `.storeChanged` when another commit happened since the last poll.
    @discardableResult
    public func pollStore() -> Bool {
        guard let counter = try? data.changeCounter() else { return false }
        defer { lastCounter = counter }
        guard let last = lastCounter, last != counter else { return false }
        send(.storeChanged)
        return true
    }

    /// Moves the clock; a new minute changes times left, so it redraws.
    func tick() {
        let now = clock()
        guard now.secondsSinceEpoch / 60 != state.now.secondsSinceEpoch / 60 else { return }
        send(.tick(now))
    }

    /// Draws the current state; only changed cells reach the terminal.
    @discardableResult
    public func render() -> FrameDriver<Backend>.Report {
        dirty = false
        let state = self.state
        let theme = self.theme
        return driver.render { buffer in ConsoleView.render(state, theme: theme, into: &buffer) }
    }

    // MARK: Effects

    private func perform(_ effects: [ConsoleEffect]) {
        for effect in effects {
            if let message = carryOut(effect) { send(message) }
        }
    }

    private func carryOut(_ effect: ConsoleEffect) -> ConsoleMessage? {
        do {
            switch effect {
            case let .loadQueue(query, generation, count):
                let rows = try data.list(query)
                var total: Int?
                if count {
                    var all = query
                    all.limit = nil
                    all.offset = 0
                    total = try data.count(all)
                }
                return .queueLoaded(generation: generation, offset: query.offset, rows: rows, total: total)
            case .loadDetail(let code):
                return .detailLoaded(try data.detail(code: code))
            case .loadMap:
                return .mapLoaded(try data.gridLoads(now: state.now))
            case .loadBoard(let perColumn):
                var columns: [Level: [CaseState]] = [:]
                var counts: [Level: Int] = [:]
                for level in Level.allCases {
                    columns[level] = try data.list(CaseQuery(openOnly: true, level: level, order: .dueAt, limit: perColumn))
                    counts[level] = try data.count(CaseQuery(openOnly: true, level: level))
                }
                return .boardLoaded(columns: columns, counts: counts)
            case .loadOverdue(let limit):
                let soon = CaseQuery(overdueAt: state.now + 86_400, order: .dueAt, limit: limit)
                let rows = try data.list(soon)
                let total = try data.count(CaseQuery(overdueAt: state.now))
                return .overdueLoaded(rows: rows, overdueTotal: total)
            case .loadNewest:
                return .newestCases(try data.list(CaseQuery(order: .reportedAtDescending, limit: 20)))
            case .execute(let requests):
                var results: [ActionResult] = []
                for request in requests {
                    do {
                        let outcome = try data.execute(request, now: clock())
                        results.append(ActionResult(request: request, outcome: outcome, refusal: nil))
                    } catch let refusal as Refusal {
                        results.append(ActionResult(request: request, outcome: nil, refusal: refusal))
                    } catch {
                        results.append(ActionResult(request: request, outcome: nil, refusal: Refusal(.invalidState, "\(error)")))
                    }
                }
                return .executed(results)
            case .setTheme(let name):
                let outcome = themes.load(name)
                theme = outcome.theme
                backend.setPalette(theme.palette, monochrome: theme.monochrome)
                driver.invalidate()
                return .themeChanged(name: outcome.theme.name, warning: outcome.warning)
            case .redraw:
                driver.invalidate()
                return nil
            case .suspend:
                backend.suspend()
                driver.invalidate()
                return nil
            case .quit:
                state.quitting = true
                return nil
            }
        } catch let refusal as Refusal {
            return .failed(refusal.message)
        } catch {
            return .failed("\(error)")
        }
    }
}
