import WanggeCore

/// The Chinese wording of conditions: what a rule asks and what a case has, for
/// explanations and for the reason recorded on each engine event.
enum RuleText {
    static func label(_ c: Condition) -> String {
        switch c {
        case .category: "分类"
        case .notCategory: "分类"
        case .severity: "严重程度"
        case .level: "层级"
        case .status: "状态"
        case .stage: "阶段"
        case .source: "来源"
        case .gridKind: "网格类型"
        case .overdue, .overdueAtLeast, .timeLeftAtMost: "时限"
        case .limitUsedAtLeast: "已用时限"
        case .stageElapsedAtLeast: "本阶段已用"
        case .reworkAtLeast: "返工次数"
        case .sendBackAtLeast: "回退次数"
        case .supervisionAtLeast: "督办次数"
        case .duplicatesAtLeast: "并案数"
        case .ageAtLeast: "上报至今"
        case .repeats: "重复上报"
        case .summonsOverdue: "吹哨报到"
        case .keywords: "关键词"
        }
    }

    static func list<T>(_ set: Set<T>, all: [T], _ name: (T) -> String) -> String {
        all.filter(set.contains).map(name).joined(separator: "、")
    }

    static func required(_ c: Condition) -> String {
        switch c {
        case .category(let p): "以 \(p.joined(separator: "、")) 开头"
        case .notCategory(let p): "不以 \(p.joined(separator: "、")) 开头"
        case .severity(let s): list(s, all: Severity.allCases) { $0.rawValue }
        case .level(let l): list(l, all: Level.allCases, \.chineseName)
        case .status(let s): list(s, all: CaseStatus.allCases, \.chineseName)
        case .stage(let s): list(s, all: [Stage.dispatch, .handling, .verification], stageName)
        case .source(let s): list(s, all: CaseSource.allCases) { $0.rawValue }
        case .gridKind(let g): list(g, all: GridKind.allCases) { $0.rawValue }
        case .overdue(let o): o ? "已超时" : "未超时"
        case .overdueAtLeast(let d): "超时至少 \(d.chineseText)\(d.clock == nil ? "（按案件时钟）" : "")"
        case .timeLeftAtMost(let d): "剩余不超过 \(d.chineseText)\(d.clock == nil ? "（按案件时钟）" : "")"
        case .limitUsedAtLeast(let r): "至少 \(percent(r))"
        case .stageElapsedAtLeast(let d): "至少 \(d.chineseText)"
        case .reworkAtLeast(let n), .sendBackAtLeast(let n), .supervisionAtLeast(let n), .duplicatesAtLeast(let n): "至少 \(n) 次"
        case .ageAtLeast(let d): "至少 \(d.chineseText)"
        case let .repeats(n, w, scope, match): "\(w.chineseText)内\(scope.chineseName)\(match.chineseName)至少 \(n) 次"
        case .summonsOverdue(let o): o ? "有部门超时未报到" : "无部门超时未报到"
        case .keywords(let w): "含「\(w.joined(separator: "、"))」之一"
        }
    }

    static func actual(_ c: Condition, _ v: CaseView, _ facts: any RuleFacts) -> String {
        let s = v.state
        switch c {
        case .category, .notCategory: return s.category
        case .severity: return s.severity.rawValue
        case .level: return s.level.chineseName
        case .status: return s.status.chineseName
        case .stage: return s.clock.map { stageName($0.stage) } ?? "不计时"
        case .source: return s.source.rawValue
        case .gridKind: return (v.organisation?.grid(s.grid)?.kind ?? .basic).rawValue
        case .reworkAtLeast: return "\(s.reworkCount) 次"
        case .sendBackAtLeast: return "\(s.sendBackCount) 次"
        case .supervisionAtLeast: return "\(s.supervisionCount) 次"
        case .duplicatesAtLeast: return "\(facts.duplicateCount(of: s)) 件"
        case .keywords(let words):
            let found = words.filter { ConditionCheck.contains(s.title, $0) || ConditionCheck.contains(s.description, $0) }
            return found.isEmpty ? "未出现" : "出现「\(found.joined(separator: "、"))」"
        case .overdue, .overdueAtLeast, .timeLeftAtMost:
            return deadlineText(v, clock: clockOf(c, v))
        case .limitUsedAtLeast:
            guard let math = v.math, let own = v.ownClock, math.total > 0 else { return "不计时" }
            return percent(Double(math.used(on: own, at: v.now)) / Double(math.total))
        case .stageElapsedAtLeast(let d):
            guard let math = v.math, let own = v.ownClock else { return "不计时" }
            let kind = d.clock(own: own)
            return "\(span(math.used(on: kind, at: v.now), kind, v.calendar))（\(kind.rulesChineseName)）"
        case .ageAtLeast(let d):
            let kind = d.clock ?? .calendarDays
            return span(v.calendar.measure(from: s.reportedAt, to: v.now, clock: kind), kind, v.calendar)
        case let .repeats(_, window, scope, match):
            if scope == .building && s.building == nil { return "案件没有楼栋" }
            return "\(ConditionCheck.repeatCount(s, v, window: window, scope: scope, match: match, facts: facts)) 次"
        case .summonsOverdue:
            let late = s.summons.filter { $0.reportedInAt == nil && v.now > $0.dueAt }.map(\.unit)
            let waiting = s.summons.filter { $0.reportedInAt == nil }.count
            return late.isEmpty ? (waiting == 0 ? "无待报到" : "\(waiting) 个部门待报到，未超时") : "\(late.joined(separator: "、")) 超时未报到"
        }
    }

    static func clockOf(_ c: Condition, _ v: CaseView) -> ClockKind? {
        switch c {
        case .overdueAtLeast(let d), .timeLeftAtMost(let d): d.clock ?? v.ownClock
        default: v.ownClock
        }
    }

    /// "超时 3时20分（工作时）", "剩余 1时10分（工作时）", "挂账中", "不计时".
    static func deadlineText(_ v: CaseView, clock: ClockKind?) -> String {
        guard let math = v.math, let own = v.ownClock, let due = v.state.dueAt, let kind = clock else { return "不计时" }
        if v.state.isSuspended(at: v.now) { return "挂账中" }
        if kind == own {
            let left = math.total - math.used(on: own, at: v.now)
            return left < 0 ? "超时 \(span(-left, own, v.calendar))（\(own.rulesChineseName)）"
                : "剩余 \(span(left, own, v.calendar))（\(own.rulesChineseName)）"
        }
        if v.now > due { return "超时 \(span(v.calendar.measure(from: due, to: v.now, clock: kind), kind, v.calendar))（\(kind.rulesChineseName)）" }
        return "剩余 \(span(v.calendar.measure(from: v.now, to: due, clock: kind), kind, v.calendar))（\(kind.rulesChineseName)）"
    }

    static func stageName(_ s: Stage) -> String {
        switch s {
        case .dispatch: "待派遣"
        case .handling: "处置"
        case .verification: "核查"
        }
    }

    static func percent(_ r: Double) -> String { "\(Int((r * 100).rounded()))%" }

    /// Clock seconds as "2天3时" / "3时20分" / "45分"; a day of a working clock is one
    /// working day.
    static func span(_ seconds: Int64, _ clock: ClockKind, _ calendar: WorkCalendar) -> String {
        let s = max(0, seconds)
        let perDay = (clock == .workingHours || clock == .workingDays) ? max(1, calendar.workingSecondsPerDay) : 86_400
        let days = s / perDay, hours = (s % perDay) / 3600, minutes = (s % 3600) / 60
        if days > 0 { return "\(days)天\(hours)时" }
        if hours > 0 { return "\(hours)时\(minutes)分" }
        return "\(minutes)分"
    }
}
