import WanggeCore
import WanggeStore

/// How close a case is to its deadline, for colouring queues.
public enum Urgency: Sendable, Hashable {
    case none       // nothing timed
    case ok
    case warning    // a quarter or less of the limit left
    case overdue
    case suspended
}

/// Plain-text descriptions of cases and events shared by the command line and the
/// console, so both say the same thing in the same words.
public enum CaseText {
    public static func outcomeLine(_ outcome: AppendOutcome, workspace: Workspace) -> String {
        let s = outcome.state
        if outcome.alreadyApplied {
            return "案件 \(s.code)：该操作已执行过（同一幂等键），未重复写入；当前「\(s.status.chineseName)」，版本 \(s.version)"
        }
        let verbs = outcome.events.map { $0.body.kind.chineseVerb }.joined(separator: "、")
        var line = "案件 \(s.code)：\(verbs) → 「\(s.status.chineseName)」，版本 \(s.version)"
        if let due = s.dueAt, s.status.isOpen {
            line += "，截止 \(short(due, workspace.calendar))"
        }
        return line
    }

    /// "11-20 14:05" in the calendar's local time.
    public static func short(_ instant: Instant, _ calendar: WorkCalendar) -> String {
        let c = calendar.civil(instant)
        return "\(two(c.date.month))-\(two(c.date.day)) \(two(c.hour)):\(two(c.minute))"
    }

    /// "2026-11-20 14:05".
    public static func full(_ instant: Instant, _ calendar: WorkCalendar) -> String {
        calendar.civil(instant).formatted()
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Time left on the current stage in the case's own clock ("剩 3时20分", "超 1天2时"),
    /// with how urgent it is.
    public static func timeLeft(_ s: CaseState, calendar: WorkCalendar, now: Instant) -> (text: String, urgency: Urgency) {
        guard s.status.isOpen, let clock = s.clock, let due = s.dueAt else { return ("—", .none) }
        if s.isSuspended(at: now) { return ("挂账中", .suspended) }
        let total = calendar.totalSeconds(clock.limit, extensions: clock.extensions)
        let left = calendar.remaining(start: clock.start, limit: clock.limit, extensions: clock.extensions,
                                      suspensions: clock.suspensions, at: now)
        if now > due || left < 0 {
            return ("超 " + span(now - due), .overdue)
        }
        let working = clock.limit.clock == .workingHours || clock.limit.clock == .workingDays
        let text = "剩 " + span(left) + (working ? "(工)" : "")
        return (text, left * 4 <= total ? .warning : .ok)
    }

    /// "2天3时", "3时20分", "45分".
    public static func span(_ seconds: Int64) -> String {
        let s = max(0, seconds)
        let days = s / 86_400, hours = (s % 86_400) / 3600, minutes = (s % 3600) / 60
        if days > 0 { return "\(days)天\(hours)时" }
        if hours > 0 { return "\(hours)时\(minutes)分" }
        return "\(minutes)分"
    }

    /// Age since report: "3天", "5时".
    public static func age(_ s: CaseState, now: Instant) -> String {
        let a = max(0, now - s.reportedAt)
        if a >= 86_400 { return "\(a / 86_400)天" }
        if a >= 3600 { return "\(a / 3600)时" }
        return "\(a / 60)分"
    }

    public static func handlerName(_ s: CaseState, _ organisation: Organisation) -> String {
        s.handler.map { organisation.displayName(of: $0) } ?? "—"
    }

    /// One timeline line: what happened, with the details that matter (handler, limit,
    /// deadline, reason, satisfaction...).
    public static func eventDetail(_ event: CaseEvent, workspace: Workspace) -> String {
        eventDetail(event, organisation: workspace.organisation, catalog: workspace.context.catalog, calendar: workspace.calendar)
    }

    /// The same sentence from the configuration alone (the console keeps no workspace
    /// in its pure state).
    public static func eventDetail(
        _ event: CaseEvent, organisation org: Organisation, catalog: CategoryCatalog, calendar cal: WorkCalendar
    ) -> String {
        switch event.body {
        case .reported(let r):
            return "上报「\(r.title)」（\(catalog.pathName(r.category))，\(org.grid(r.grid)?.name ?? r.grid)，来源 \(r.source.chineseName)）"
        case .accepted(let note): return "立案" + (note.map { "：\($0)" } ?? "")
        case .declined(let reason): return "不予立案：\(reason)"
        case let .dispatched(handler, limit, due, note):
            return "派遣给 \(org.displayName(of: handler))，时限 \(limit.chineseText)，截止 \(short(due, cal))" + (note.map { "；\($0)" } ?? "")
        case .handlerAccepted: return "接单"
        case let .sentBack(reason, _, _): return "回退：\(reason)"
        case let .feedback(text, _, due): return "处置反馈：\(text)（核查截止 \(short(due, cal))）"
        case .verificationPassed(let note): return "核查通过" + (note.map { "：\($0)" } ?? "")
        case let .verificationFailed(reason, _, due): return "核查不通过，返工：\(reason)（新截止 \(short(due, cal))）"
        case let .evaluated(s, note): return "评价：\(s.chineseName)" + (note.map { "；\($0)" } ?? "")
        case .closed(let note): return "结案" + (note.map { "：\($0)" } ?? "")
        case .archived: return "归档"
        case .extensionRequested(let reason): return "申请延期：\(reason)"
        case let .extensionDecided(approved, note, due):
            return (approved ? "批准延期" + (due.map { "，新截止 \(short($0, cal))" } ?? "") : "驳回延期") + (note.map { "；\($0)" } ?? "")
        case let .suspended(reason, until, _): return "挂账至 \(short(until, cal))：\(reason)"
        case .resumed(let due): return "恢复计时，截止 \(short(due, cal))"
        case let .supervised(kind, note): return "\(kind.chineseName)：\(note)"
        case let .summoned(entries, note):
            let names = entries.map { "\(org.unit($0.unit)?.name ?? $0.unit)（\(short($0.dueAt, cal)) 前报到）" }.joined(separator: "、")
            return "吹哨：\(names)" + (note.map { "；\($0)" } ?? "")
        case let .reportedIn(unit, note): return "\(org.unit(unit)?.name ?? unit) 报到" + (note.map { "：\($0)" } ?? "")
        case .linkedDuplicate(let primary): return "并入案件 \(primary)（重复上报）"
        case let .reopened(reason, _, _): return "重新打开：\(reason)"
        case let .escalated(from, to, reason, rule, _, _):
            return "升级 \(from.chineseName) → \(to.chineseName)：\(reason)" + (rule.map { "（规则 \($0)）" } ?? "")
        case .commented(let text): return "备注：\(text)"
        case let .severityRaised(from, to, reason, rule):
            return "严重程度 \(from.chineseName) → \(to.chineseName)：\(reason)" + (rule.map { "（规则 \($0)）" } ?? "")
        case let .agendaListed(meeting, level, reason, rule):
            return "列入 \(meeting) 三五联席会议议程（\(level.chineseName)层级）：\(reason)" + (rule.map { "（规则 \($0)）" } ?? "")
        case let .notified(roles, note, rule):
            return "提醒 \(roles.map(\.chineseName).joined(separator: "、"))：\(note)" + (rule.map { "（规则 \($0)）" } ?? "")
        case let .meetingDecided(meeting, decision, decidedBy, deadline):
            return "\(meeting) 三五联席会议决定（\(decidedBy)）：\(decision)" + (deadline.map { "，\(short($0, cal)) 前办结" } ?? "")
        }
    }
}

extension CaseSource {
    public var chineseName: String {
        switch self {
        case .patrol: "网格巡查"
        case .hotline: "12345热线"
        case .walkIn: "群众来访"
        case .camera: "视频监控"
        case .inspection: "例行检查"
        case .meeting: "议事会议"
        }
    }
}

extension Severity {
    public var chineseName: String {
        switch self {
        case .normal: "一般"
        case .serious: "较大"
        case .major: "重大"
        case .critical: "特别重大"
        }
    }
}
