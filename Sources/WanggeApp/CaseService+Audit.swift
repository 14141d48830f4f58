import WanggeCore
import WanggeStore

/// One line of `wangge audit`: an action from the event log or a refused attempt from
/// the security log.
public struct AuditEntry: Sendable, Hashable {
    public enum Outcome: String, Sendable {
        case done, refused

        public var chineseName: String { self == .done ? "执行" : "拒绝" }
    }

    public var at: Instant
    /// The person who acted (or tried).
    public var actor: String
    /// The OS login of a refused attempt (an action's is not recorded).
    public var osLogin: String?
    public var channel: String?
    public var outcome: Outcome
    /// The machine name: an event's type, or the refused `Action`'s raw value.
    public var action: String
    public var caseCode: String?
    /// What the event says (its timeline sentence), or what was tried and why it was refused.
    public var detail: String
    /// The refusal's kind (`forbidden`, `outOfScope`, …).
    public var reason: String?
}

extension CaseService {
    /// Actions and refusals by operator and period, newest `query.limit` of each merged
    /// in time order. Admins see everything; a supervisor or leader only the cases of
    /// their scope; anyone else is refused (and the refusal recorded).
    public func audit(_ query: AuditQuery, refusedOnly: Bool, as person: Person, at now: Instant) throws -> [AuditEntry] {
        try authorise(.audit, as: person, at: now)
        var scoped = query
        if Permissions.reach(person.role, .audit) != .anywhere, person.scope != .county {
            scoped.grids = workspace.organisation.grids.map(\.code).filter {
                Permissions.inScope(person.scope, grid: $0, organisation: workspace.organisation)
            }
        }
        var entries: [AuditEntry] = []
        if !refusedOnly {
            for e in try store.auditedEvents(scoped) {
                entries.append(AuditEntry(
                    at: e.stored.event.at, actor: e.stored.event.actor, osLogin: nil, channel: nil, outcome: .done,
                    action: e.stored.event.body.kind.rawValue, caseCode: e.caseCode,
                    detail: CaseText.eventDetail(e.stored.event, workspace: workspace), reason: nil))
            }
        }
        for r in try store.refusals(scoped) {
            let record = r.record
            entries.append(AuditEntry(
                at: record.at, actor: record.actor, osLogin: record.osLogin, channel: record.channel, outcome: .refused,
                action: record.action, caseCode: record.caseCode,
                detail: AuditEntry.actionName(record.action) + "：" + record.message, reason: record.reason))
        }
        entries.sort { ($0.at, $0.outcome == .done ? 0 : 1) < ($1.at, $1.outcome == .done ? 0 : 1) }
        return Array(entries.suffix(query.limit))
    }
}

extension AuditEntry {
    /// The Chinese name of a refused action, including those that are not an `Action`
    /// of Core (identity refusals).
    static func actionName(_ action: String) -> String {
        if let known = Action(rawValue: action) { return known.chineseName }
        switch action {
        case SecurityLogger.impersonateAction: return "冒用身份（--as）"
        case SecurityLogger.identifyAction: return "登录（不在人员名单）"
        case SecurityLogger.fixedClockAction: return "固定时间（--now）"
        case SecurityLogger.importAction: return "导入"
        default: return action
        }
    }
}
