import WanggeCore
import WanggeRules
import WanggeStore

/// What a replay found for one case whose engine actions differ.
public struct ReplayDifference: Sendable {
    public var code: String
    public var actual: [String]
    public var replayed: [String]
}

/// One assessment figure before and after.
public struct ReplayFigure: Sendable {
    public var name: String
    public var actual: Double
    public var replayed: Double
    public var isRate: Bool
}

public struct ReplayReport: Sendable {
    public var from: Instant
    public var to: Instant
    public var casesReplayed = 0
    public var eventsRead = 0
    public var actualActions: [String: Int] = [:]
    public var replayedActions: [String: Int] = [:]
    public var differences: [ReplayDifference] = []
    public var casesDiffering = 0
    public var figures: [ReplayFigure] = []
}

/// `wangge rules replay`: re-runs a period of history under a rules file, in memory on a
/// read-only snapshot of the log (the database is not written), and says what would
/// have escalated differently and how the assessment figures would change.
///
/// Each case starts from its state at `from` (everything before stays as it was); the
/// people's events of the period are applied at their times; the engine's events of
/// the period are dropped and the rules decide again, acting the moment a rule starts
/// to hold (an ideal engine that never lags). What people did because of an actual
/// escalation still happens in the replay: the log cannot say what they would have done.
public struct RulesReplay: Sendable {
    let workspace: Workspace
    let rules: LoadedRules
    let evaluator: RuleEvaluator
    let actions: EngineActions
    let engine = Person.escalationEngine.login

    public init(workspace: Workspace, rules: LoadedRules) {
        self.workspace = workspace
        self.rules = rules
        evaluator = RuleEvaluator(rules: rules.set, context: workspace.context)
        actions = EngineActions(decider: workspace.decider, calendar: workspace.calendar)
    }

    /// Replays `[from, to]`, reading cases in chunks so memory stays bounded; `workers`
    /// chunks at a time run on their own threads (each case's replay is independent).
    public func run(from: Instant, to: Instant, chunk: Int = 5_000, workers: Int = ParallelMap.defaultWorkers) throws -> ReplayReport {
        var report = ReplayReport(from: from, to: to)
        let store = workspace.store
        let lookback = from - lookbackSeconds()
        let rows = try store.replayCases(since: lookback, to: to)
        let index = HistoryIndex(rows: rows, repeatKinds: ReportTimesIndex.kinds(of: rules.set), sourcePrefixes: Set(rules.set.inhibitions.flatMap(\.sourceCategories)))
        let active = rows.filter { $0.endedAt.map { $0 >= from } ?? true }.map(\.id)
        var tally = ReplayTally(from: from, to: to, calendar: workspace.calendar)
        let chunks = stride(from: 0, to: active.count, by: chunk).map { Array(active[$0..<min($0 + chunk, active.count)]) }
        for wave in stride(from: 0, to: chunks.count, by: max(1, workers)) {
            let results = try ParallelMap.run(Array(chunks[wave..<min(wave + max(1, workers), chunks.count)]), workers: workers) { ids in
                let facts = HistoryFacts(index: index, now: from)
                let histories = try store.events(ofCases: ids)
                return (histories.reduce(0) { $0 + $1.count }, histories.compactMap { replay($0, from: from, to: to, facts: facts) })
            }
            for (events, outcomes) in results {
                report.eventsRead += events
                for outcome in outcomes {
                    report.casesReplayed += 1
                    tally.add(outcome, into: &report)
                }
            }
        }
        report.figures = tally.figures()
        return report
    }

    /// The longest window a rule looks back over, in seconds, so the cases reported in
    /// it are loaded too (working clocks counted generously: weekends, holidays).
    func lookbackSeconds() -> Int64 {
        var windows = [rules.set.duplicates.window]
        for rule in rules.set.rules {
            for c in rule.conditions { if case let .repeats(_, window, _, _) = c.condition { windows.append(window) } }
        }
        return windows.map { w -> Int64 in
            switch w.unit {
            case .minutes: Int64(w.amount) * 60
            case .hours: Int64(w.amount) * 3600 * (w.clock == .workingHours ? 4 : 1)
            case .days: Int64(w.amount) * 86_400 * (w.clock == .workingDays ? 2 : 1) + 30 * 86_400
            }
        }.max() ?? 0
    }

    /// One case's replay: its actual and replayed final states and engine actions.
    struct Outcome {
        var actual: CaseState
        var replayed: CaseState
        var actualActions: [String]
        var replayedActions: [String]
    }

    func replay(_ events: [StoredEvent], from: Instant, to: Instant, facts: HistoryFacts) -> Outcome? {
        let inRange = events.filter { $0.event.at <= to }
        guard let actual = CaseState.fold(inRange.map(\.event)), let first = inRange.first else { return nil }
        var baseCount = inRange.prefix { $0.event.at < from }.count
        if baseCount == 0 { baseCount = 1 }
        guard var state = CaseState.fold(inRange.prefix(baseCount).map(\.event)) else { return nil }
        var fired = Set(inRange.prefix(baseCount).compactMap(\.idempotencyKey))
        let later = inRange.dropFirst(baseCount)
        let people = later.map(\.event).filter { $0.actor != engine }
        let actualActions = later.map(\.event).filter { $0.actor == engine }.map(Self.label)
        var replayedActions: [String] = []
        var t = max(from, first.event.at)
        var i = 0
        var steps = 0
        while steps < 10_000 {
            steps += 1
            facts.now = t
            var next: Instant?
            for _ in 0..<8 {
                let evaluation = evaluator.evaluate(state, at: t, facts: facts)
                next = evaluation.nextCheck
                var acted = false
                for match in evaluation.matches {
                    if match.inhibitedBy != nil {
                        let recheck = t + Int64(rules.set.engine.inhibitedRecheckSeconds)
                        next = min(next ?? recheck, recheck)
                        continue
                    }
                    let key = "engine/\(state.id)/\(match.rule.id)/\(match.step)"
                    guard !fired.contains(key) else { continue }
                    fired.insert(key)
                    let reason = EngineActions.reason(match.rule, facts: evaluator.matchedFacts(match.rule, state, at: t, facts: facts))
                    let bodies = actions.bodies(for: match, on: state, reason: reason, at: t).bodies
                    for body in bodies {
                        let event = CaseEvent(caseID: state.id, version: state.version + 1, actor: engine, at: t, body: body)
                        state.apply(event)
                        replayedActions.append(Self.label(event))
                        acted = acted || !bodies.isEmpty
                    }
                }
                if !acted { break }
            }
            let human = i < people.count ? people[i].at : nil
            guard let nextT = [next, human].compactMap({ $0 }).min(), nextT <= to else { break }
            if let human, human <= nextT {
                while i < people.count && people[i].at == human {
                    var e = people[i]
                    e.version = state.version + 1
                    state.apply(e)
                    i += 1
                }
                t = human
            } else {
                t = nextT
            }
        }
        return Outcome(actual: actual, replayed: state, actualActions: actualActions, replayedActions: replayedActions)
    }

    /// "升级→社区 grid-overdue": what an engine event did, for comparing.
    static func label(_ e: CaseEvent) -> String {
        switch e.body {
        case let .escalated(_, to, _, rule, _, _): "升级→\(to.chineseName) \(rule ?? "")"
        case let .severityRaised(_, to, _, rule): "提高严重程度→\(to.rawValue) \(rule ?? "")"
        case let .agendaListed(meeting, _, _, rule): "列入议程 \(meeting) \(rule ?? "")"
        case let .notified(_, _, rule): "提醒 \(rule ?? "")"
        case let .supervised(kind, note): "\(kind.chineseName) \(Self.rule(in: note))"
        case let .summoned(entries, note): "吹哨 \(entries.map(\.unit).joined(separator: ",")) \(Self.rule(in: note ?? ""))"
        default: e.body.kind.chineseVerb
        }
    }

    /// The rule id recorded in a reason text ("…〔规则 grid-overdue：…〕").
    static func rule(in text: String) -> String {
        guard let start = text.range(of: "〔规则 ") else { return "" }
        let rest = text[start.upperBound...]
        return String(rest.prefix { $0 != "：" && $0 != "〕" })
    }
}
