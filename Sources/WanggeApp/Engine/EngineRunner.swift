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
    public let rules: LoadedRules
    public let holder: String
    /// Real time, for the lease (the engine's `now` may be fixed by `--now`).
    let wallClock: @Sendable () -> Instant
    let evaluator: RuleEvaluator
    let actions: EngineActions
    /// Hold no lease and rely on idempotency keys alone (tests of the keys).
    public var useLease = true
    /// Cases per write transaction: keeps the write lock short for the consoles.
    public var batchSize = 2_000
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
            var after: Int64 = 0
            while true {
                let page = try store.engineOpenCases(afterID: after, limit: 20_000)
                guard let last = page.last else { break }
                try process(page, now: now, into: &report)
                after = last.state.id
                if let other = try holdLease() { throw EngineLeaseLost(current: other) }
            }
            try store.engineTransaction(lease: lease, wallNow: wallClock()) { session in
                try session.setState(Self.fingerprintName, rules.fingerprint)
                try session.setState(Self.feedName, String(feedStart))
            }
        } else {
            try followLinkedDuplicates()
            try process(try store.engineDueCases(at: now, limit: settings.maxCasesPerTick), now: now, into: &report)
        }
        report.dueRemaining = try store.engineDueCount(at: now)
        return report
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

    /// Evaluates `cases` and writes what the rules decide, in transactions of `batchSize` cases.
    func process(_ cases: [EngineCase], now: Instant, into report: inout EngineTickReport) throws {
        let usesDuplicates = rules.set.rules.contains { r in r.conditions.contains { if case .duplicatesAtLeast = $0.condition { true } else { false } } }
        for start in stride(from: 0, to: cases.count, by: batchSize) {
            let batch = Array(cases[start..<min(start + batchSize, cases.count)])
            let (planned, done) = try store.engineRead { session in
                let facts = StoreFacts(session: session)
                if usesDuplicates { facts.prefetchDuplicates(of: batch.map(\.state.code)) }
                let planned = batch.map { plan($0.state, previous: $0.nextCheck, now: now, facts: facts, into: &report) }
                try facts.check()
                return (planned, try session.existingKeys(planned.flatMap { $0.plans.map(\.key) }))
            }
            report.evaluated += batch.count
            try fault?(.afterEvaluation)
            var batchReport = report
            try store.engineTransaction(lease: lease, wallNow: wallClock()) { session in
                batchReport = report
                for item in planned {
                    try write(item.state, item.plans.filter { !done.contains($0.key) }, next: item.next, previous: item.previous,
                              now: now, alreadyDone: item.plans.count(where: { done.contains($0.key) }), session, &batchReport)
                }
                try fault?(.beforeCommit)
            }
            report = batchReport
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

    func write(_ state: CaseState, _ plans: [Plan], next: Instant?, previous: Int64?, now: Instant, alreadyDone: Int,
               _ session: EngineWriteSession, _ report: inout EngineTickReport) throws {
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
                return
            }
        }
        if !changed && previous != EngineWriteSession.scheduleValue(next) {
            try session.setNextCheck(caseID: state.id, version: state.version, at: next)
        }
    }
}
