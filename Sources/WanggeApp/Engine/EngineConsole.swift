import WanggeCore
import WanggeRules
import WanggeStore

/// The engine as a console runs it, so a deployment (or the demo) with no `wangge
/// engine` process still escalates live. Call `tickIfDue(now:)` from the console's
/// loop as often as you like: it ticks at most every `tick_seconds` of wall-clock time,
/// only when the rules say `console_runs_engine = true`, and through the same lease as
/// a real engine, so when an engine process runs (or another console already acts) it
/// stays on standby and writes nothing.
public final class ConsoleEngine: @unchecked Sendable {
    public let runner: EngineRunner
    let wallClock: @Sendable () -> Instant
    private var lastTick: Instant?
    /// The last report, for a status line ("引擎：检查 3 件…" or "备用：…").
    public private(set) var lastReport: EngineTickReport?
    /// The last error, shown instead of thrown: a console must keep running.
    public private(set) var lastError: String?

    /// `holder` names this console in the lease, e.g. "console:li.ming@host:pid".
    public init(workspace: Workspace, holder: String, wallClock: @escaping @Sendable () -> Instant) throws {
        runner = EngineRunner(workspace: workspace, rules: try EngineRules.load(workspace), holder: holder, wallClock: wallClock)
        self.wallClock = wallClock
    }

    /// Whether the rules let consoles run the engine.
    public var enabled: Bool { runner.rules.set.engine.consoleRunsEngine }

    /// Runs one tick at `now` if enabled and `tick_seconds` have passed since the last;
    /// returns its report, or nil when nothing ran.
    @discardableResult
    public func tickIfDue(now: Instant) -> EngineTickReport? {
        let wall = wallClock()
        if let lastTick, wall - lastTick < Int64(runner.rules.set.engine.tickSeconds) { return nil }
        lastTick = wall
        do {
            try runner.reloadRulesIfChanged()
            guard enabled else { return nil }
            let report = try runner.tick(now: now)
            runner.tidySearchIndex(after: report)
            lastReport = report
            lastError = nil
            return report
        } catch {
            lastError = "\(error)"
            return nil
        }
    }

    /// Gives the lease back when the console quits.
    public func stop() { runner.stop() }
}
