import WanggeCore
import WanggeStore

/// Adds up a replay: actions per kind, the cases whose actions differ, and the
/// assessment figures under both histories.
struct ReplayTally {
    let from: Instant
    let to: Instant
    let calendar: WorkCalendar

    struct Figures {
        var closed = 0
        var closedAtGrid = 0
        var handlingDue = 0
        var handledOnTime = 0
        var overdueOpen = 0
        var escalated = 0
    }
    var actual = Figures()
    var replayed = Figures()

    mutating func add(_ o: RulesReplay.Outcome, into report: inout ReplayReport) {
        for a in o.actualActions { report.actualActions[Self.kind(a), default: 0] += 1 }
        for a in o.replayedActions { report.replayedActions[Self.kind(a), default: 0] += 1 }
        if o.actualActions.sorted() != o.replayedActions.sorted() {
            report.casesDiffering += 1
            if report.differences.count < 200 {
                report.differences.append(ReplayDifference(code: o.actual.code, actual: o.actualActions, replayed: o.replayedActions))
            }
        }
        count(o.actual, escalations: o.actualActions, into: &actual)
        count(o.replayed, escalations: o.replayedActions, into: &replayed)
    }

    /// The action kind of a label ("升级→社区 grid-overdue" → "升级→社区").
    static func kind(_ label: String) -> String {
        String(label.prefix { $0 != " " })
    }

    func count(_ s: CaseState, escalations: [String], into f: inout Figures) {
        f.escalated += escalations.filter { $0.hasPrefix("升级") }.count
        if let closed = s.closedAt, closed >= from, closed <= to {
            f.closed += 1
            if s.level == .grid { f.closedAtGrid += 1 }
        }
        if let due = s.handlingDueAt, due >= from, due <= to {
            f.handlingDue += 1
            if let handled = s.handledAt, handled <= due { f.handledOnTime += 1 }
        }
        if s.isOverdue(at: to) { f.overdueOpen += 1 }
    }

    func figures() -> [ReplayFigure] {
        func rate(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        return [
            ReplayFigure(name: "引擎升级次数", actual: Double(actual.escalated), replayed: Double(replayed.escalated), isRate: false),
            ReplayFigure(name: "期内结案件数", actual: Double(actual.closed), replayed: Double(replayed.closed), isRate: false),
            ReplayFigure(name: "网格内办结率（结案时仍在网格层级）", actual: rate(actual.closedAtGrid, actual.closed),
                         replayed: rate(replayed.closedAtGrid, replayed.closed), isRate: true),
            ReplayFigure(name: "按期处置率（处置截止在期内，未处置的算超期）", actual: rate(actual.handledOnTime, actual.handlingDue),
                         replayed: rate(replayed.handledOnTime, replayed.handlingDue), isRate: true),
            ReplayFigure(name: "期末超期未办结件数", actual: Double(actual.overdueOpen), replayed: Double(replayed.overdueOpen), isRate: false),
        ]
    }
}
