import WanggeCore
import WanggeRules

/// Turns a matched rule into events, through `CaseDecider` and as the engine's person
/// (`Person.escalationEngine`), so the engine obeys the same state rules and permission
/// matrix as a county supervisor. Every event carries the rule id and the facts that
/// matched in its reason or note.
struct EngineActions: Sendable {
    let decider: CaseDecider
    let calendar: WorkCalendar
    let actor = Person.escalationEngine

    /// "网格层级的案件超过时限，升级到社区〔规则 grid-overdue：层级 网格；超时 超时 2时10分（工作时）〕".
    static func reason(_ rule: Rule, facts: String) -> String {
        "\(rule.note ?? rule.description)〔规则 \(rule.id)：\(facts)〕"
    }

    /// The events for `match` on `state`, decided action by action on the state the
    /// previous action left; refusals are returned, not thrown (the other actions still go).
    func bodies(for match: RuleMatch, on state: CaseState, reason: String, at now: Instant) -> (bodies: [EventBody], refusals: [Refusal]) {
        var s = state
        var bodies: [EventBody] = []
        var refusals: [Refusal] = []
        func take(_ decide: () throws(Refusal) -> [EventBody]) {
            do {
                let produced = try decide()
                for body in produced {
                    s.apply(CaseEvent(caseID: s.id, version: s.version + 1, actor: actor.login, at: now, body: body))
                }
                bodies += produced
            } catch {
                refusals.append(error)
            }
        }
        let rule = match.rule.id
        for action in match.effective {
            switch action {
            case .escalate(let target):
                guard RuleEffects.escalatable.contains(s.status), let to = RuleEffects.target(target, from: s.level) else { continue }
                take { () throws(Refusal) in try decider.decide(.escalate(to: to, reason: reason, rule: rule), on: s, by: actor, at: now) }
            case .summon(let targets):
                let fresh = targets.filter { t in !s.summons.contains { $0.unit == t.unit } }
                var groups: [(TimeLimit?, [String])] = []
                for t in fresh {
                    if let i = groups.firstIndex(where: { $0.0 == t.limit }) { groups[i].1.append(t.unit) } else { groups.append((t.limit, [t.unit])) }
                }
                for (limit, units) in groups {
                    take { () throws(Refusal) in try decider.decide(.summon(units: units, limit: limit, note: reason), on: s, by: actor, at: now) }
                }
            case .supervise(let kind):
                take { () throws(Refusal) in try decider.decide(.supervise(kind, note: reason), on: s, by: actor, at: now) }
            case .raiseSeverity(let to):
                guard to > s.severity else { continue }
                take { () throws(Refusal) in try decider.decide(EngineCommand.raiseSeverity(to: to, reason: reason, rule: rule), on: s, by: actor, at: now) }
            case .agenda:
                let meeting = JointMeeting.next(onOrAfter: calendar.civil(now).date)
                take { () throws(Refusal) in try decider.decide(EngineCommand.listOnAgenda(meeting: meeting, reason: reason, rule: rule), on: s, by: actor, at: now) }
            case .notify(let roles):
                take { () throws(Refusal) in try decider.decide(EngineCommand.notify(roles: roles, note: reason, rule: rule), on: s, by: actor, at: now) }
            }
        }
        return (bodies, refusals)
    }

    /// The events for a proposed duplicate: a note to the dispatchers, or the link itself.
    func bodies(for proposal: DuplicateProposal, settings: DuplicateSettings, on state: CaseState, at now: Instant) -> (bodies: [EventBody], refusals: [Refusal]) {
        let p = proposal.primary
        let gap = max(0, state.reportedAt - p.reportedAt)
        let hours = gap / 3600, minutes = (gap % 3600) / 60
        let place = settings.scope == .grid ? "同网格" : "同楼栋"
        let kind = settings.match == .category ? "同分类" : "同大类"
        let note = "疑似重复上报：与 \(p.code) \(place)\(kind)，相隔 \(hours)时\(minutes)分〔规则 duplicates：窗口 \(settings.window.chineseText)\(proposal.candidates.count > 1 ? "，共 \(proposal.candidates.count) 件候选" : "")〕"
        do {
            if settings.autoLink {
                return (try decider.decide(.linkDuplicate(primary: p.code), on: state, by: actor, at: now), [])
            }
            guard !settings.notify.isEmpty else { return ([], []) }
            return (try decider.decide(EngineCommand.notify(roles: settings.notify, note: note, rule: "duplicates"), on: state, by: actor, at: now), [])
        } catch {
            return ([], [error])
        }
    }
}
