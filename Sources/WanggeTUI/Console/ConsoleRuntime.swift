import Foundation
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
    /// Counts run here, one at a time, off the main loop.
    private let countQueue = DispatchQueue(label: "wangge.console.counts")
    /// The 考核 figures are computed here (a month over a million cases takes a while),
    /// apart from the counts so neither waits for the other.
    private let statsQueue = DispatchQueue(label: "wangge.console.stats")
    private let mailbox = Mailbox()
    /// The escalation engine this console runs when no engine process does (nil: none).
    let engine: ConsoleEngine?
    /// Engine ticks run here, off the main loop: a tick may write thousands of events.
    private let engineQueue = DispatchQueue(label: "wangge.console.engine")
    private let engineRunning = BusyFlag()

    /// A console for `context` on `backend`, reading and writing through `data`.
    /// `clock` is the only source of time (tests pass a fixed one).
    public init(
        backend: Backend, data: ConsoleData, context: ConsoleContext, theme: Theme, themes: ThemeCatalog = .builtIn,
        clock: @escaping () -> Instant, notice: String? = nil, engine: ConsoleEngine? = nil
    ) {
        self.engine = engine
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
        watchLockWaits()
        checkIntegrity()
        lastCounter = try? data.changeCounter()
        perform(ConsoleUpdate.start(&state))
        return render()
    }

    /// Shows a wait for another process's write lock on the status bar at once: drawn
    /// from inside the waiting call when it is the loop's own (nothing else would draw
    /// until the lock is free), handed to the main loop when a background count waits.
    func watchLockWaits() {
        let reference = RuntimeReference(self)
        let mailbox = self.mailbox
        data.onBusyWait { wait in
            if pthread_equal(pthread_self(), reference.loopThread) != 0, let runtime = reference.runtime {
                runtime.send(.waitingForLock(wait))
                runtime.render()
            } else {
                mailbox.notify(.waitingForLock(wait))
            }
        }
    }

    /// Runs the store's bounded start-up check off the main loop (the first frame does
    /// not wait for it); what it finds stays on the status bar.
    func checkIntegrity() {
        let data = self.data
        let mailbox = self.mailbox
        mailbox.begin()
        countQueue.async {
            do {
                let report = try data.startupCheck()
                mailbox.post(.integrityChecked(problem: report.problems.first?.description, more: max(0, report.problems.count - 1)))
            } catch {
                mailbox.post(.integrityChecked(problem: "\(error)", more: 0))
            }
        }
    }

    /// The main loop, until the operator quits.
    public func run() {
        start()
        while !state.quitting {
            // While a count is running, wake up often to show it as soon as it is done.
            let wait = mailbox.isBusy ? 20 : pollMilliseconds
            if let key = backend.readKey(timeoutMilliseconds: wait) {
                handle(key)
                // Keys typed ahead (a paste, a held key) are applied before one frame.
                var drained = 0
                while drained < 64, !state.quitting, let more = backend.readKey(timeoutMilliseconds: 0) {
                    handle(more)
                    drained += 1
                }
            }
            if state.quitting { break }
            deliverCounts()
            startEngineTick()
            pollStore()
            tick()
            if dirty { render() }
        }
        stopEngine()
    }

    /// Applies every key already queued, polls the store once and renders: how tests
    /// drive the console on an `InMemoryTerminal` without waiting.
    @discardableResult
    public func runPending() -> FrameDriver<Backend>.Report {
        while !state.quitting, let key = backend.readKey(timeoutMilliseconds: 0) { handle(key) }
        startEngineTick()
        engineQueue.sync {}
        waitForCounts()
        pollStore()
        waitForCounts()
        tick()
        return render()
    }

    /// Waits until every background count has answered and applies the answers.
    public func waitForCounts() {
        repeat {
            countQueue.sync {}
            statsQueue.sync {}
            deliverCounts()
        } while mailbox.isBusy
    }

    /// Starts one engine tick in the background when the engine is due (it decides: at
    /// most one per `tick_seconds`) and none is running. Its writes reach the screen like
    /// any other process's, through the change counter.
    func startEngineTick() {
        guard let engine, !state.quitting, engineRunning.claim() else { return }
        let now = clock()
        let mailbox = self.mailbox
        let running = engineRunning
        mailbox.begin()
        engineQueue.async {
            let errorBefore = engine.lastError
            let report = engine.tickIfDue(now: now)
            if let report {
                mailbox.post(.engineTicked(report))
            } else if let error = engine.lastError, error != errorBefore {
                mailbox.post(.engineFailed(error))
            } else {
                mailbox.post(nil)
            }
            running.release()
        }
    }

    /// Waits for a running tick and gives the lease back, so another console or an
    /// engine process takes over at once instead of after the lease runs out.
    func stopEngine() {
        guard let engine else { return }
        engineQueue.sync { engine.stop() }
    }

    /// The status line of a command the operator typed: its outcome, or its refusal.
    private func noted(_ work: () throws -> String) throws -> ConsoleMessage {
        do {
            return .noted(try work(), refused: false)
        } catch let refusal as Refusal {
            return .noted(refusal.message, refused: true)
        }
    }

    /// Runs `work` on `queue`; its answer (or failure) comes back through the mailbox.
    private func background(on queue: DispatchQueue, _ work: @escaping @Sendable () throws -> ConsoleMessage) {
        let mailbox = self.mailbox
        mailbox.begin()
        queue.async {
            do {
                mailbox.post(try work())
            } catch let refusal as Refusal {
                mailbox.post(.failed(refusal.message))
            } catch {
                mailbox.post(.failed("\(error)"))
            }
        }
    }

    /// Applies background answers as they arrive until `condition` holds (or nothing is
    /// left running), then renders: benchmarks time one answer among several this way.
    public func waitUntil(_ condition: (ConsoleState) -> Bool) {
        while !condition(state) {
            deliverCounts()
            if condition(state) || !mailbox.isBusy { break }
            usleep(500)
        }
        render()
    }

    /// Drops the 考核 screen's figures, so the next visit computes them afresh (benchmarks).
    public func forgetStats() {
        state.stats.result = nil
    }

    /// Applies the counts that have come back.
    func deliverCounts() {
        for message in mailbox.take() { send(message) }
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
            case let .loadQueue(query, generation):
                return .queueLoaded(generation: generation, offset: query.offset, rows: try data.list(query))
            case let .count(query, tag):
                let data = self.data
                let mailbox = self.mailbox
                mailbox.begin()
                countQueue.async {
                    do {
                        mailbox.post(.counted(tag, try data.count(query)))
                    } catch {
                        mailbox.post(.failed("\(error)"))
                    }
                }
                return nil
            case .loadStats(let request):
                // The table first, then the sparklines' weeks (a second pass, drawn when done).
                background(on: statsQueue) { [data, now = state.now] in .statsLoaded(request, try data.assessment(request, now: now)) }
                background(on: statsQueue) { [data, now = state.now] in
                    .statsSeriesLoaded(request, try data.assessmentSeries(request, now: now))
                }
                return nil
            case .loadStatsCases(let drill):
                background(on: statsQueue) { [data, now = state.now] in .statsCasesLoaded(drill, try data.casesBehind(drill, now: now)) }
                return nil
            case .recordRoutine(let entry):
                return try noted { try data.recordRoutine(entry, now: clock()) }
            case let .reportRoutineFinding(entry, finding, category):
                return try noted { try data.reportRoutineFinding(entry: entry, finding: finding, category: category, now: clock()) }
            case .loadDetail(let code):
                return .detailLoaded(try data.detail(code: code))
            case .loadMap:
                return .mapLoaded(try data.gridLoads(now: state.now))
            case .loadBoard(let perColumn):
                var columns: [Level: [CaseState]] = [:]
                for level in Level.allCases {
                    columns[level] = try data.list(CaseQuery(openOnly: true, level: level, order: .dueAt, limit: perColumn))
                }
                return .boardLoaded(columns: columns)
            case .loadOverdue(let limit):
                let soon = CaseQuery(overdueAt: state.now + 86_400, order: .dueAt, limit: limit)
                return .overdueLoaded(rows: try data.list(soon))
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

/// The runtime as the busy handler sees it: only ever used on the main thread.
final class RuntimeReference<Backend: TerminalBackend>: @unchecked Sendable {
    weak var runtime: ConsoleRuntime<Backend>?
    /// The thread that runs the console's loop (the one that started it).
    let loopThread = pthread_self()
    init(_ runtime: ConsoleRuntime<Backend>) { self.runtime = runtime }
}

/// Answers of background counts, handed from the count queue to the main loop.
final class Mailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [ConsoleMessage] = []
    private var running = 0

    /// A count was started.
    func begin() {
        lock.lock()
        running += 1
        lock.unlock()
    }

    /// A count finished with `message` (nil: it had nothing to say).
    func post(_ message: ConsoleMessage?) {
        lock.lock()
        if let message { messages.append(message) }
        running -= 1
        lock.unlock()
    }

    /// A message that answers no count (a lock wait seen by a background call).
    func notify(_ message: ConsoleMessage) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    /// Whether a count is running or an answer is waiting.
    var isBusy: Bool {
        lock.lock()
        defer { lock.unlock() }
        return running > 0 || !messages.isEmpty
    }

    /// The answers so far, oldest first.
    func take() -> [ConsoleMessage] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll()
        return taken
    }
}

/// Whether a background job is running, claimed by the main loop and released by the job.
final class BusyFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var busy = false

    /// Marks it busy; false when it already was.
    func claim() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if busy { return false }
        busy = true
        return true
    }

    func release() {
        lock.lock()
        busy = false
        lock.unlock()
    }
}
