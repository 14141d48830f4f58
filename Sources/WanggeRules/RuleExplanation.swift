import WanggeCore

/// One condition of one rule, judged on one case: what the rule asks, what the case
/// has, and when it would start to hold.
public struct ConditionExplanation: Sendable {
    public var key: String
    public var holds: Bool
    public var required: String
    public var actual: String
    /// When a time condition will start to hold if nothing else changes.
    public var from: Instant?
}

/// The verdict on one rule for one case.
public enum RuleVerdict: Sendable {
    /// All conditions hold and an action would change the case.
    case matches
    /// It matches, but an open emergency at the same place holds it back.
    case inhibited(Inhibition)
    /// It will match at this instant if nothing changes.
    case pending(Instant)
    case noMatch
    /// The conditions hold but every action is already done (level reached...).
    case noEffect
    /// An earlier rule with `stop = true` matched.
    case notReached(after: String)
}

public struct RuleExplanation: Sendable {
    public var rule: Rule
    public var verdict: RuleVerdict
    public var conditions: [ConditionExplanation]
    /// The occurrence a match would belong to (part of its idempotency key).
    public var step: String
}

public struct CaseExplanation: Sendable {
    public var rules: [RuleExplanation]
    public var evaluation: CaseEvaluation
}

extension RuleEvaluator {
    /// Every rule with every condition judged, for `wangge rules explain`. Agrees with
    /// `evaluate` (which it calls) on what matches.
    public func explain(_ state: CaseState, at now: Instant, facts: any RuleFacts) -> CaseExplanation {
        let evaluation = evaluate(state, at: now, facts: facts)
        let view = CaseView(state: state, now: now, context: storage.context)
        var stoppedBy: String?
        var out: [RuleExplanation] = []
        for rule in rules.rules {
            let conditions = rule.conditions.map { explain($0, view, facts) }
            let step = step(of: rule, view)
            if let stoppedBy {
                out.append(RuleExplanation(rule: rule, verdict: .notReached(after: stoppedBy), conditions: conditions, step: step))
                continue
            }
            let verdict: RuleVerdict
            if let match = evaluation.matches.first(where: { $0.rule.id == rule.id }) {
                verdict = match.inhibitedBy.map { .inhibited($0) } ?? .matches
                if rule.stop { stoppedBy = rule.id }
            } else {
                let outcome = ConditionCheck.combine(rule.conditions.map { ConditionCheck.outcome($0.condition, view, facts: facts) })
                switch outcome {
                case .holds: verdict = state.status.isOpen ? .noEffect : .noMatch
                case .pending(let t): verdict = .pending(t)
                case .never: verdict = .noMatch
                }
            }
            out.append(RuleExplanation(rule: rule, verdict: verdict, conditions: conditions, step: step))
        }
        return CaseExplanation(rules: out, evaluation: evaluation)
    }

    func explain(_ c: RuleCondition, _ v: CaseView, _ facts: any RuleFacts) -> ConditionExplanation {
        let outcome = ConditionCheck.outcome(c.condition, v, facts: facts)
        var from: Instant?
        if case .pending(let t) = outcome { from = t }
        return ConditionExplanation(key: c.key, holds: outcome.holds, required: RuleText.required(c.condition),
                                    actual: RuleText.actual(c.condition, v, facts), from: from)
    }

    /// Short facts of a matched rule for the event's reason: "层级 网格；超时 2时10分（工作时）".
    public func matchedFacts(_ rule: Rule, _ state: CaseState, at now: Instant, facts: any RuleFacts) -> String {
        let view = CaseView(state: state, now: now, context: storage.context)
        return rule.conditions.map { "\(RuleText.label($0.condition)) \(RuleText.actual($0.condition, view, facts))" }
            .joined(separator: "；")
    }
}
