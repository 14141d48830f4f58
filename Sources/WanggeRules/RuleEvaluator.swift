import WanggeCore

/// A rule that matches a case now, with the actions that would change something.
public struct RuleMatch: Sendable {
    public var rule: Rule
    /// Which occurrence this is: the deadline judged ("handling@1795000000"), the
    /// summons deadline, or "once". With the case id and the rule id it makes the
    /// idempotency key, so the same reason never acts twice.
    public var step: String
    /// The actions that would change the case (an escalation to a level it already has
    /// is left out).
    public var effective: [RuleAction]
    /// Set when an open emergency at the same place holds this rule back.
    public var inhibitedBy: Inhibition?
}

/// Why a rule was held back: the inhibition and the case that triggers it.
public struct Inhibition: Hashable, Sendable {
    public var rule: InhibitRule
    public var source: CaseSummary
}

/// A new report that looks like an earlier one at the same place.
public struct DuplicateProposal: Hashable, Sendable {
    public var primary: CaseSummary
    public var candidates: [CaseSummary]
}

/// What the rules say about one case at one instant.
public struct CaseEvaluation: Sendable {
    /// In rule order, up to and including the first `stop` rule that matched.
    public var matches: [RuleMatch] = []
    /// The earliest instant at which the verdict may change with no change to the case
    /// (a deadline passing, a warning window opening); nil when only a change to the
    /// case can change it.
    public var nextCheck: Instant?
    public var duplicate: DuplicateProposal?

    mutating func check(at t: Instant?) {
        guard let t else { return }
        nextCheck = min(nextCheck ?? t, t)
    }
}

/// Evaluates a rule set against cases. Pure and deterministic: the same case, instant
/// and facts always give the same evaluation, which is what lets two engines, a crash
/// and a restart, and a replay agree.
public struct RuleEvaluator: Sendable {
    /// Everything the evaluator holds, behind one reference: the engine copies its
    /// evaluator into every batch it judges, and a copy of the rules, the calendar and
    /// the organisation retained each of their buffers.
    final class Storage: Sendable {
        let rules: RuleSet
        let context: EvaluationContext
        /// Each rule's conditions, cheapest first.
        let ordered: [[Condition]]
        /// Each rule's conditions on other cases (asked last, only when the rest hold).
        let factual: [[Condition]]
        /// Each rule's plain conditions as bit masks, checked first.
        let gates: [RuleGate]

        init(rules: RuleSet, context: EvaluationContext) {
            self.rules = rules
            self.context = context
            ordered = rules.rules.map { r in
                r.conditions.map(\.condition).enumerated()
                    .sorted { (ConditionCheck.cost($0.element), $0.offset) < (ConditionCheck.cost($1.element), $1.offset) }
                    .map(\.element)
            }
            factual = ordered.map { $0.filter { ConditionCheck.cost($0) == 2 } }
            gates = ordered.map(RuleGate.init)
        }
    }

    let storage: Storage

    public var rules: RuleSet { storage.rules }
    public var calendar: WorkCalendar { storage.context.calendar }
    public var organisation: Organisation? { storage.context.organisation }

    public init(rules: RuleSet, calendar: WorkCalendar, organisation: Organisation?) {
        storage = Storage(rules: rules, context: EvaluationContext(calendar: calendar, organisation: organisation))
    }

    public init(rules: RuleSet, context: DomainContext) {
        self.init(rules: rules, calendar: context.calendar, organisation: context.organisation)
    }

    /// Evaluates every rule on an open case at `now`.
    public func evaluate(_ state: CaseState, at now: Instant, facts: any RuleFacts) -> CaseEvaluation {
        var result = CaseEvaluation()
        guard state.status.isOpen else { return result }
        let storage = storage
        let view = CaseView(state: state, now: now, context: storage.context)
        let all = storage.rules.rules
        let bits = RuleGate.Facts(state)
        for i in all.indices {
            guard storage.gates[i].admits(bits) else { continue }
            var outcome = ConditionCheck.combine(storage.ordered[i].lazy.map { ConditionCheck.outcome($0, view, facts: nil) })
            if outcome.holds, !storage.factual[i].isEmpty {
                outcome = ConditionCheck.combine(storage.factual[i].lazy.map { ConditionCheck.outcome($0, view, facts: facts) })
            }
            switch outcome {
            case .never: continue
            case .pending(let t): result.check(at: t)
            case .holds(let until):
                let rule = all[i]
                let effective = RuleEffects.effective(rule, on: state)
                guard !effective.isEmpty else { continue }
                result.check(at: until)
                var match = RuleMatch(rule: rule, step: step(of: rule, view), effective: effective)
                match.inhibitedBy = inhibition(of: rule, state, now, facts)
                result.matches.append(match)
                if rule.stop { return finish(result, view, facts) }
            }
        }
        return finish(result, view, facts)
    }

    func finish(_ result: CaseEvaluation, _ view: CaseView, _ facts: any RuleFacts) -> CaseEvaluation {
        var r = result
        r.duplicate = duplicate(of: view, facts)
        return r
    }

    /// The repeated-report counts the rules may ask about `state` (scope, match, window),
    /// so a caller can answer a whole batch in one query before evaluating it.
    public func repeatQuestions(for state: CaseState) -> [RepeatQuestion] {
        var out: [RepeatQuestion] = []
        for rule in rules.rules {
            for c in rule.conditions {
                guard case let .repeats(_, window, scope, match) = c.condition else { continue }
                if scope == .building && state.building == nil { continue }
                let clock = window.clock ?? .calendarDays
                let from = calendar.advance(from: state.reportedAt, by: -window.seconds(on: clock, calendar: calendar), clock: clock)
                let q = RepeatQuestion(scope: scope, match: match, from: from, to: state.reportedAt)
                if !out.contains(q) { out.append(q) }
            }
        }
        return out
    }

    /// The occurrence a rule's match belongs to (see `RuleMatch.step`).
    func step(of rule: Rule, _ v: CaseView) -> String {
        if rule.once { return "once" }
        let conditions = rule.conditions.map(\.condition)
        if conditions.contains(.summonsOverdue(true)) {
            let first = v.state.summons.filter { $0.reportedInAt == nil && v.now > $0.dueAt }.map(\.dueAt).min()
            return "summons@\(first?.secondsSinceEpoch ?? 0)"
        }
        if conditions.contains(where: RuleScope.isStageClock), let clock = v.state.clock {
            return "\(clock.stage.rawValue)@\((v.state.dueAt ?? clock.start).secondsSinceEpoch)"
        }
        return "once"
    }

    /// The first inhibition that holds this rule back, if any.
    func inhibition(of rule: Rule, _ s: CaseState, _ now: Instant, _ facts: any RuleFacts) -> Inhibition? {
        for inhibit in rules.inhibitions where rule.actions.contains(where: { inhibit.actions.contains($0.action.kind) }) {
            let sources = facts.openCases(near: s, scope: inhibit.scope, prefixes: inhibit.sourceCategories, at: now)
                .filter { $0.id != s.id && inhibit.isSource(category: $0.category, severity: $0.severity)
                    && inhibit.match.same($0.category, s.category) && $0.severity > s.severity }
                .sorted { ($0.reportedAt, $0.id) < ($1.reportedAt, $1.id) }
            if let first = sources.first { return Inhibition(rule: inhibit, source: first) }
        }
        return nil
    }

    /// An earlier report of the same kind at the same place within the window, for a
    /// case that has not been accepted yet.
    func duplicate(of v: CaseView, _ facts: any RuleFacts) -> DuplicateProposal? {
        let d = rules.duplicates
        guard d.enabled, v.state.status == .reported, v.state.duplicateOf == nil else { return nil }
        let s = v.state
        if d.scope == .building && s.building == nil { return nil }
        let earlier = facts.reports(near: s, scope: d.scope, match: d.match, from: v.windowStart(d.window), to: s.reportedAt)
            .filter { $0.id != s.id && $0.status != .merged && ($0.reportedAt, $0.id) < (s.reportedAt, s.id) }
            .sorted { ($0.reportedAt, $0.id) < ($1.reportedAt, $1.id) }
        guard let primary = earlier.first(where: { $0.status.isOpen }) ?? earlier.first else { return nil }
        return DuplicateProposal(primary: primary, candidates: earlier)
    }
}

/// Which of a rule's actions would change a case: what makes a rule "match".
public enum RuleEffects {
    public static let escalatable: Set<CaseStatus> = RuleScope.escalatableStatuses

    /// The level an escalation goes to from the case's level; nil when it would not go up.
    public static func target(_ t: LevelTarget, from level: Level) -> Level? {
        switch t {
        case .next: level.next
        case .level(let l): l > level ? l : nil
        }
    }

    public static func effective(_ rule: Rule, on s: CaseState) -> [RuleAction] {
        rule.actions.compactMap { entry in
            switch entry.action {
            case .escalate(let t):
                return escalatable.contains(s.status) && target(t, from: s.level) != nil ? entry.action : nil
            case .raiseSeverity(let to):
                return to > s.severity ? entry.action : nil
            case .summon(let targets):
                let fresh = targets.filter { t in !s.summons.contains { $0.unit == t.unit } }
                return fresh.isEmpty ? nil : .summon(fresh)
            case .supervise, .agenda, .notify:
                return entry.action
            }
        }
    }
}
