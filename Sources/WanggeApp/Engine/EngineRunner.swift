import WanggeCore
import WanggeRules
import WanggeStore

/// The escalation engine: each tick asks the store for the open cases whose next check
/// has come (an index range, never a scan), evaluates the rules, and appends the
/// actions' events as the engine's person.
///
/// Exactly once: every action carries the idempotency key `engine/<case>/<rule>/<step>`
/// (the step names the deadline judged), and the store refuses a key twice; the append
/// also requires the case to be at the version that was evaluated. A lease lets one
/// engine act at a time; each write transaction re-checks it, so an engine that stalled
/// past its lease writes nothing. The console can call `tick(now:)` itself.
public final class EngineRunner: @unchecked Sendable {
    public let workspace: Workspace
    public private(set) var rules: LoadedRules
    public let holder: String
    /// Real time, for the lease (the engine's `now` may be fixed by `--now`).
    let wallClock: @Sendable () -> Instant
    private(set) var evaluator: RuleEvaluator
    let actions: EngineActions
    /// Hold no lease and rely on idempotency keys alone (tests of the keys).
    public var useLease = true
    /// Cases per write transaction: keeps the write lock short for the consoles.
    public var batchSize = 2_000
    /// Threads that evaluate batches at once (the rules are pure; each has its own snapshot).
    public var workers = ParallelMap.defaultWorkers
    /// Seconds from any fixed origin, for the tick report's phase times (the executable
    /// passes a monotonic clock; nil: not measured).
    public var stopwatch: (@Sendable () -> Double)?
    /// Test hook: throw at a fault point to simulate a crash there.
    public var fault: (@Sendable (EngineFaultPoint) throws -> Void)?
    public private(set) var lease: EngineLease?

    public init(workspace: Workspace, rules: LoadedRules, holder: String, wallClock: @escaping @Sendable () -> Instant) {
        self.workspace = workspace
        self.rules = rules
        self.holder = holder
        self.wallClock = wallClock
        evaluator = RuleEvaluator(rules: rules.set, context: workspace.context)
        actions = EngineActions(decider: workspace.decider, calendar: workspace.calendar)
    }

    var store: SQLiteCaseStore { workspace.store }
    var settings: EngineSettings { rules.set.engine }

    static let fingerprintName = "rules_fingerprint"
    static let feedName = "feed_seq"

    /// One tick at `now`: take or renew the lease, then evaluate what is due.
    public func tick(now: Instant) throws -> EngineTickReport {
        var report = EngineTickReport(now: now)
        if let other = try holdLease() {
            report.mode = .standby(holder: other.holder, until: other.expiresAt)
            return report
        }
        let fingerprint = try store.engineState(Self.fingerprintName)
        if fingerprint != rules.fingerprint {
            report.fullReevaluation = true
            let feedStart = try store.lastSeq()
            try store.engineTransaction(lease: lease, wallNow: wallClock()) { try $0.dropScheduleIndex() }
            try processAllOpen(now: now, into: &report)
            try store.engineTransaction(lease: lease, wallNow: wallClock()) { session in
                try session.restoreScheduleIndex()
                try session.setState(Self.fingerprintName, rules.fingerprint)
                try session.setState(Self.feedName, String(feedStart))
            }
        } else {
            try followLinkedDuplicates()
            let started = stopwatch?()
            let due = try store.engineDueCases(at: now, limit: settings.maxCasesPerTick)
            if let started, let t = stopwatch?() { report.readAndEvaluateSeconds += t - started }
            try process(due, now: now, into: &report)
        }
        report.dueRemaining = try store.engineDueCount(at: now)
        return report
    }

    /// Reloads the deployment's rules when their text or the configuration changed in
    /// the database (`wangge rules install`), so a running engine follows them from its
    /// next tick (with a full re-evaluation). Rules given from a file are kept.
    @discardableResult
    public func reloadRulesIfChanged() throws -> Bool {
        if case .file = rules.source { return false }
        let stored = try workspace.store.configuration(named: RulesFile.configurationName)
        guard stored != (rules.source == .database ? rules.text : nil) else { return false }
        let current = try EngineRules.load(workspace)
        rules = current
        evaluator = RuleEvaluator(rules: current.set, context: workspace.context)
        return true
    }

    /// Gives the lease back (on a clean stop), so a standby engine takes over at once.
    public func stop() {
        if let lease { try? store.releaseEngineLease(lease) }
        lease = nil
    }

    /// Takes or renews the lease; returns the other holder's lease when another engine holds it.
    func holdLease() throws -> EngineLease? {
        guard useLease else { return nil }
        switch try store.acquireEngineLease(holder: holder, wallNow: wallClock(), seconds: Int64(settings.leaseSeconds)) {
        case .acquired(let l): lease = l; return nil
        case .heldBy(let other): lease = nil; return other
        }
    }

    /// A duplicate linked to a case changes that case's duplicate count without
    /// changing the case: make such primaries due.
    func followLinkedDuplicates() throws {
        let from = Int64(try store.engineState(Self.feedName) ?? "") ?? 0
        let (codes, last) = try store.linkedPrimaries(afterSeq: from)
        guard last != from else { return }
        try store.engineTransaction(lease: lease, wallNow: wallClock()) { session in
            try session.markDue(codes: codes)
            try session.setState(Self.feedName, String(last))
        }
    }

    /// One planned write: the events of one rule (or a duplicate proposal) on one case.
    struct Plan {
        var key: String
        var label: String
        var match: RuleMatch?
        var proposal: DuplicateProposal?
        var reason: String
    }

    /// One evaluated batch: the plans per case and which of their keys the log has.
    struct EvaluatedBatch {
        var planned: [(state: CaseState, plans: [Plan], next: Instant?, previous: Int64?)]
        var done: Set<String>
        var inhibited: Int
    }

    /// Evaluates `cases` and writes what the rules decide, in transactions of `batchSize`
    /// cases. The batches are evaluated first, on `workers` threads at once (each with
    /// its own read snapshot; the rules are pure), then written one transaction each.
    /// (Judging them while writing, as the full pass does, made a tick no faster: the
    /// judging threads and the writer then contend inside SQLite, and a tick's writing
    /// is most of its time.)
    func process(_ cases: [EngineCase], now: Instant, into report: inout EngineTickReport) throws {
        let batches = stride(from: 0, to: cases.count, by: batchSize).map { Array(cases[$0..<min($0 + batchSize, cases.count)]) }
        let started = stopwatch?()
        let evaluated = try ParallelMap.run(batches, workers: workers) { try self.evaluate($0, now: now) }
        if let started, let t = stopwatch?() { report.readAndEvaluateSeconds += t - started }
        for (batch, result) in zip(batches, evaluated) { try write(result, count: batch.count, now: now, into: &report) }
    }

    /// Every open case, after the rules changed: id ranges of `batchSize` cases are read
    /// and judged on `workers` background threads and written in order on this one as
    /// they come (a full pass writes little, so the writer rarely waits on the judges);
    /// the lease is renewed every few ranges.
    func processAllOpen(now: Instant, into report: inout EngineTickReport) throws {
        let ids = try store.engineOpenCaseIDs()
        let kinds = ReportTimesIndex.kinds(of: rules.set)
        let reportTimes = kinds.isEmpty ? nil : ReportTimesIndex(places: try store.reportPlaces(), kinds: kinds)
        let duplicates = usesDuplicateCounts ? try store.duplicateCounts() : nil
        let ranges = stride(from: 0, to: ids.count, by: batchSize).map { (ids[$0], ids[min($0 + batchSize, ids.count) - 1]) }
        let renewEvery = max(1, workers) * 5
        var written = 0
        var waited = stopwatch?()
        try ParallelMap.pipeline(ranges, workers: workers, lookahead: max(2, workers * 3), { range in
            let cases = try self.store.engineOpenCases(from: range.0, through: range.1)
            return (cases.count, try self.evaluate(cases, now: now, reportTimes: reportTimes, duplicates: duplicates))
        }) { (count, result) in
            if let started = waited, let t = stopwatch?() { report.readAndEvaluateSeconds += t - started }
            try write(result, count: count, now: now, into: &report)
            written += 1
            if written % renewEvery == 0, let other = try holdLease() { throw EngineLeaseLost(current: other) }
            waited = stopwatch?()
        }
        if let started = waited, let t = stopwatch?() { report.readAndEvaluateSeconds += t - started }
    }

    /// Writes one evaluated batch in one transaction (checking the lease first).
    func write(_ result: EvaluatedBatch, count: Int, now: Instant, into report: inout EngineTickReport) throws {
        let started = stopwatch?()
        defer { if let started, let t = stopwatch?() { report.writeSeconds += t - started } }
        report.evaluated += count
        report.inhibited += result.inhibited
        try fault?(.afterEvaluation)
        var batchReport = report
        try store.engineTransaction(lease: lease, wallNow: wallClock()) { session in
            batchReport = report
            var schedule: [(caseID: Int64, version: Int, at: Instant?)] = []
            for item in result.planned {
                let unchanged = try write(item.state, item.plans.filter { !result.done.contains($0.key) }, now: now,
                                          alreadyDone: item.plans.count(where: { result.done.contains($0.key) }), session, &batchReport)
                if unchanged && item.previous != EngineWriteSession.scheduleValue(item.next) {
                    schedule.append((item.state.id, item.state.version, item.next))
                }
            }
            try session.setNextChecks(schedule)
            try fault?(.beforeCommit)
        }
        report = batchReport
    }

    var usesDuplicateCounts: Bool {
        rules.set.rules.contains { r in r.conditions.contains { if case .duplicatesAtLeast = $0.condition { true } else { false } } }
    }

    /// Evaluates one batch against one read snapshot.
    func evaluate(_ batch: [EngineCase], now: Instant, reportTimes: ReportTimesIndex? = nil,
                  duplicates: [String: Int]? = nil) throws -> EvaluatedBatch {
        try store.engineRead { session in
            let facts = StoreFacts(session: session, reportTimes: reportTimes, duplicates: duplicates)
            if usesDuplicateCounts { facts.prefetchDuplicates(of: batch.map(\.state.code)) }
            if batch.count >= 50 && reportTimes == nil {
                facts.prefetchRepeats(batch.flatMap { c in evaluator.repeatQuestions(for: c.state).map { (c.state, $0) } })
            }
            var scratch = EngineTickReport(now: now)
            let planned = batch.map { plan($0.state, previous: $0.nextCheck, now: now, facts: facts, into: &scratch) }
            try facts.check()
            return EvaluatedBatch(planned: planned, done: try session.existingKeys(planned.flatMap { $0.plans.map(\.key) }),
                                  inhibited: scratch.inhibited)
        }
    }

    /// Evaluates one case and plans its writes: one per matched rule not held back, and
    /// one for a proposed duplicate; `next` is when to look again if nothing is written.
    func plan(_ state: CaseState, previous: Int64?, now: Instant, facts: StoreFacts, into report: inout EngineTickReport)
        -> (state: CaseState, plans: [Plan], next: Instant?, previous: Int64?)
    {
        let evaluation = evaluator.evaluate(state, at: now, facts: facts)
        var plans: [Plan] = []
        var next = evaluation.nextCheck
        for match in evaluation.matches {
            if match.inhibitedBy != nil {
                report.inhibited += 1
                let recheck = now + Int64(settings.inhibitedRecheckSeconds)
                next = min(next ?? recheck, recheck)
                continue
            }
            let text = evaluator.matchedFacts(match.rule, state, at: now, facts: facts)
            plans.append(Plan(key: "engine/\(state.id)/\(match.rule.id)/\(match.step)", label: match.rule.id, match: match,
                              reason: EngineActions.reason(match.rule, facts: text)))
        }
        if let proposal = evaluation.duplicate {
            plans.append(Plan(key: "engine/\(state.id)/duplicates/\(proposal.primary.code)", label: "duplicates",
                              proposal: proposal, reason: ""))
        }
        return (state, plans, next, previous)
    }

    /// Writes the plans of one case; true when nothing was written (the case keeps its
    /// version, so its next check is to be set).
    func write(_ state: CaseState, _ plans: [Plan], now: Instant, alreadyDone: Int,
               _ session: EngineWriteSession, _ report: inout EngineTickReport) throws -> Bool {
        report.alreadyApplied += alreadyDone
        var current = state
        var changed = false
        for plan in plans {
            let decided: (bodies: [EventBody], refusals: [Refusal])
            if let match = plan.match {
                decided = actions.bodies(for: match, on: current, reason: plan.reason, at: now)
            } else if let proposal = plan.proposal {
                decided = actions.bodies(for: proposal, settings: rules.set.duplicates, on: current, at: now)
            } else {
                continue
            }
            if report.refusals.count < 20 { report.refusals += decided.refusals.map { "\(current.code)（\(plan.label)）：\($0.message)" } }
            guard !decided.bodies.isEmpty else { continue }
            switch try session.append(decided.bodies, to: current, actor: Person.escalationEngine.login, at: now, idempotencyKey: plan.key) {
            case .appended(let outcome):
                current = outcome.state
                changed = true
                report.applied += 1
                report.events += outcome.events.count
                report.appliedByRule[plan.label, default: 0] += 1
                for e in outcome.events { report.eventsByKind[e.body.kind, default: 0] += 1 }
                if report.lines.count < 1_000 {
                    let verbs = outcome.events.map { $0.body.kind.chineseVerb }.joined(separator: "、")
                    report.lines.append("\(current.code) \(verbs)（规则 \(plan.label)）")
                }
            case .alreadyApplied:
                report.alreadyApplied += 1
            case .stale:
                report.stale += 1
                return false
            }
        }
        return !changed
    }
}
