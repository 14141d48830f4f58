import WanggeCore
import WanggeRules
import WanggeTOML

/// Shared fixtures for the rule tests: a calendar with a holiday week and a make-up
/// Saturday, a small catalog and organisation, case builders on fixed clocks, and a
/// parser shortcut.
enum RulesFixture {
    /// Asia/Shanghai, 08:00-12:00 and 14:00-18:00, weekends off; 2026-10-01...07 are
    /// holidays and Saturday 2026-10-10 is a make-up working day (调休).
    static let calendar: WorkCalendar = {
        var c = WorkCalendar.standard
        c.holidays = Set((1...7).compactMap { CivilDate(year: 2026, month: 10, day: $0) })
        c.makeUpWorkdays = Set([CivilDate(year: 2026, month: 10, day: 10)].compactMap { $0 })
        return c
    }()

    static let catalog = CategoryCatalog(categories: [
        Category(code: "04", nameZh: "突发事件", nameEn: "", limit: TimeLimit(amount: 2, clock: .urgentHours), level: .street, severity: .major),
        Category(code: "0401", nameZh: "火情", nameEn: "", limit: TimeLimit(amount: 1, clock: .urgentHours), level: .street, severity: .critical),
        Category(code: "0403", nameZh: "井盖缺失", nameEn: "", limit: TimeLimit(amount: 2, clock: .urgentHours), severity: .major),
        Category(code: "06", nameZh: "扩展事件", nameEn: "", limit: TimeLimit(amount: 3, clock: .workingDays)),
        Category(code: "0601", nameZh: "井盖破损", nameEn: "", limit: TimeLimit(amount: 4, clock: .workingHours)),
        Category(code: "10", nameZh: "矛盾纠纷", nameEn: "", limit: TimeLimit(amount: 5, clock: .workingDays), level: .community),
        Category(code: "1001", nameZh: "邻里纠纷", nameEn: "", limit: TimeLimit(amount: 5, clock: .workingDays)),
        Category(code: "12", nameZh: "民生诉求", nameEn: "", limit: TimeLimit(amount: 5, clock: .workingDays)),
        Category(code: "1203", nameZh: "供水问题", nameEn: "", limit: TimeLimit(amount: 1, clock: .workingDays)),
    ])

    static let organisation = Organisation(
        county: "测试区", streets: [Street(code: "S1", name: "东街道", county: "测试区")],
        communities: [Community(code: "C1", name: "幸福社区", street: "S1")],
        grids: [
            Grid(code: "G1", name: "幸福一网格", community: "C1",
                 buildings: [Building(code: "G1-1", name: "1号楼", households: 60), Building(code: "G1-2", name: "2号楼", households: 60)]),
            Grid(code: "G9", name: "实验小学网格", community: "C1", kind: .school),
        ],
        units: [Unit(code: "XF", name: "消防救援大队", kind: .department), Unit(code: "GA", name: "公安派出所", kind: .department)],
        people: [Person(login: "sup", name: "孙督办", role: .supervisor, scope: .county)])

    static let context = DomainContext(organisation: organisation, catalog: catalog, calendar: calendar)

    static func at(_ text: String) -> Instant {
        guard let i = calendar.parseLocal(text) else { fatalError("bad time \(text)") }
        return i
    }

    /// A case reported at `reported`, accepted, and dispatched at `dispatched` (default:
    /// the report time) with `limit`; its deadline is the calendar's.
    static func dispatched(
        id: Int64 = 1, category: String = "0601", level: Level = .grid, severity: Severity = .normal, source: CaseSource = .patrol,
        grid: String = "G1", building: String? = "G1-1", title: String = "井盖破损", reported: String,
        dispatched: String? = nil, limit: TimeLimit = TimeLimit(amount: 4, clock: .workingHours)
    ) -> CaseState {
        let r = at(reported)
        let d = dispatched.map(at) ?? r
        var s = reportedCase(id: id, category: category, level: level, severity: severity, source: source, grid: grid,
                             building: building, title: title, at: r)
        let due = calendar.deadline(start: d, limit: limit) ?? d
        apply(&s, .accepted(note: nil), at: r)
        apply(&s, .dispatched(handler: .unit("XF"), limit: limit, dueAt: due, note: nil), at: d)
        return s
    }

    /// A case just reported (waiting to be accepted), with the 24-urgent-hour dispatch limit.
    static func reportedCase(
        id: Int64 = 1, category: String = "0601", level: Level = .grid, severity: Severity = .normal, source: CaseSource = .patrol,
        grid: String = "G1", building: String? = "G1-1", title: String = "井盖破损", at r: Instant
    ) -> CaseState {
        let limit = TimeLimit(amount: 24, clock: .urgentHours)
        let reported = Reported(
            code: "C-\(id)", title: title, description: "网格员巡查发现", category: category, grid: grid, building: building,
            source: source, severity: severity, level: level, sourceRef: nil, dispatchLimit: limit,
            dueAt: calendar.deadline(start: r, limit: limit) ?? r)
        return CaseState(id: id, reported: reported, actor: "wk", at: r)
    }

    static func apply(_ s: inout CaseState, _ body: EventBody, at t: Instant) {
        s.apply(CaseEvent(caseID: s.id, version: s.version + 1, actor: "sup", at: t, body: body))
    }

    /// A rules file with one rule made of the given `when` and `then` lines.
    static func oneRule(when: String, then: String = "supervise = \"timeout\"", extra: String = "") -> String {
        """
        [[rule]]
        id = "r1"
        description = "测试规则"
        \(extra)
        [rule.when]
        \(when)
        [rule.then]
        \(then)
        """
    }

    static func rules(_ text: String) throws(TOMLError) -> RuleSet {
        try RulesFile.parse(text, file: "rules.toml", references: RuleReferences(catalog: catalog, organisation: organisation))
    }

    static func evaluator(_ text: String) throws -> RuleEvaluator {
        RuleEvaluator(rules: try rules(text), context: context)
    }

    /// The error a rules text gives, as "line:column: message".
    static func error(_ text: String) -> TOMLError? {
        do {
            _ = try rules(text)
            return nil
        } catch {
            return error
        }
    }
}
