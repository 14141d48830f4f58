import WanggeCore
import WanggeRules
import WanggeStore

/// `wangge rules explain`: every rule judged on one case, condition by condition, with
/// whether a match was already acted on (its idempotency key is in the log).
public enum RulesExplainText {
    public static func render(_ state: CaseState, rules: LoadedRules, workspace: Workspace, at now: Instant) throws -> String {
        let evaluator = RuleEvaluator(rules: rules.set, context: workspace.context)
        let (explanation, keys, done) = try workspace.store.engineRead { session in
            let facts = StoreFacts(session: session)
            let explanation = evaluator.explain(state, at: now, facts: facts)
            try facts.check()
            let keys = explanation.rules.map { "engine/\(state.id)/\($0.rule.id)/\($0.step)" }
            return (explanation, keys, try session.existingKeys(keys))
        }
        let cal = workspace.calendar
        let org = workspace.organisation
        var out = "案件 \(state.code)「\(state.title)」\n"
        out += "  \(workspace.context.catalog.pathName(state.category))（\(state.category)），\(org.grid(state.grid)?.name ?? state.grid)"
        out += "，\(state.level.chineseName)层级，「\(state.status.chineseName)」，严重程度 \(state.severity.rawValue)，来源 \(state.source.chineseName)\n"
        out += "  当前时限：\(CaseText.timeLeft(state, calendar: cal, now: now).text)"
        if let due = state.dueAt { out += "（截止 \(CaseText.full(due, cal))）" }
        out += "\n规则：\(rules.source.chineseName)，\(rules.set.rules.count) 条；按 \(CaseText.full(now, cal)) 判断\n\n"
        if !state.status.isOpen {
            out += "案件已「\(state.status.chineseName)」，引擎不再检查。\n"
        }
        for (i, r) in explanation.rules.enumerated() {
            let key = keys[i]
            let tag: String
            switch r.verdict {
            case .matches: tag = done.contains(key) ? "[已执行]" : "[匹配]"
            case .inhibited(let inh): tag = "[被抑制：\(inh.source.code) \(inh.rule.description)]"
            case .pending(let t): tag = "[将于 \(CaseText.full(t, cal)) 匹配]"
            case .noMatch: tag = "[不匹配]"
            case .noEffect: tag = done.contains(key) ? "[已执行]" : "[条件成立，但动作已无必要]"
            case .notReached(let after): tag = "[未检查：规则 \(after) 已匹配且 stop = true]"
            }
            out += "\(tag) \(r.rule.id)（order \(r.rule.order)）\(r.rule.description)\n"
            out += "    动作：\(r.rule.actions.map { actionText($0.action, org) }.joined(separator: "；"))"
            if case .matches = r.verdict { out += done.contains(key) ? "（幂等键 \(key) 已存在，不会重复执行）" : "（幂等键 \(key)）" }
            out += "\n"
            for c in r.conditions {
                out += "    \(c.holds ? "✓" : "✗") \(c.key)：要求 \(c.required)；实际 \(c.actual)"
                if let from = c.from { out += "；\(CaseText.full(from, cal)) 起成立" }
                out += "\n"
            }
            if r.conditions.isEmpty { out += "    （无条件：对所有未办结案件成立）\n" }
        }
        if let d = explanation.evaluation.duplicate {
            out += "\n疑似重复上报：与 \(d.primary.code)（\(CaseText.full(d.primary.reportedAt, cal)) 上报）\(rules.set.duplicates.scope.chineseName)\(rules.set.duplicates.match.chineseName)"
            if d.candidates.count > 1 { out += "，候选 \(d.candidates.map(\.code).joined(separator: "、"))" }
            out += "\n"
        }
        if let next = explanation.evaluation.nextCheck {
            out += "\n引擎下次检查本案：\(CaseText.full(next, cal))\n"
        }
        return out
    }

    /// "升级到社区", "吹哨 消防救援大队、公安派出所（1 紧急小时内报到）".
    public static func actionText(_ a: RuleAction, _ org: Organisation) -> String {
        switch a {
        case .escalate(.next): return "升级到上一层级"
        case .escalate(.level(let l)): return "升级到\(l.chineseName)"
        case .summon(let targets):
            return "吹哨 " + targets.map { t in (org.unit(t.unit)?.name ?? t.unit) + (t.limit.map { "（\($0.chineseText)内报到）" } ?? "") }
                .joined(separator: "、")
        case .supervise(let k): return k.chineseName
        case .raiseSeverity(let s): return "严重程度提高到 \(s.chineseName)"
        case .agenda: return "列入三五联席会议议程"
        case .notify(let roles): return "提醒 " + roles.map(\.chineseName).joined(separator: "、")
        }
    }
}
