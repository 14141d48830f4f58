import Testing
import WanggeAssessment
import WanggeCore

/// A small organisation for hand-counted figures.
///
/// ```
/// street S1 ── community C1 ── grids G1 (1,000 residents), G2 (3,000)
///          └── community C2 ── grid  G3 (1,000)
/// units: CG, GA (departments), WY (property company)
/// ```
/// Times are local (Asia/Shanghai), working hours 08-12 and 14-18 Monday to Friday;
/// 2026-03-02 is a Monday. Category 0101 has 1 working day, 0102 has 4 working hours;
/// dispatch and verification have 24 urgent hours each.
enum Town {
    static let organisation = Organisation(
        county: "测试区",
        streets: [Street(code: "S1", name: "东街道", county: "测试区")],
        communities: [Community(code: "C1", name: "幸福社区", street: "S1"), Community(code: "C2", name: "和平社区", street: "S1")],
        grids: [
            Grid(code: "G1", name: "幸福一网格", community: "C1", residents: 1000),
            Grid(code: "G2", name: "幸福二网格", community: "C1", residents: 3000),
            Grid(code: "G3", name: "和平一网格", community: "C2", residents: 1000),
        ],
        units: [
            Unit(code: "CG", name: "城市管理局", kind: .department),
            Unit(code: "GA", name: "公安派出所", kind: .department),
            Unit(code: "WY", name: "安居物业", kind: .property),
        ],
        people: [
            Person(login: "wk", name: "王网格", role: .gridWorker, scope: .grids(["G1"])),
            Person(login: "wk2", name: "钱网格", role: .gridWorker, scope: .grids(["G2"])),
            Person(login: "wk3", name: "陈网格", role: .gridWorker, scope: .grids(["G3"])),
            Person(login: "lcg", name: "城管联络员", role: .liaison, scope: .unit("CG")),
            Person(login: "lga", name: "公安联络员", role: .liaison, scope: .unit("GA")),
            Person(login: "lwy", name: "物业联络员", role: .liaison, scope: .unit("WY")),
            Person(login: "dsp", name: "李派遣", role: .dispatcher, scope: .street("S1")),
            Person(login: "sup", name: "孙督办", role: .supervisor, scope: .street("S1")),
            Person(login: "ev", name: "郑考核", role: .evaluator, scope: .street("S1")),
        ])

    static let catalog = CategoryCatalog(categories: [
        Category(code: "01", nameZh: "市容环境", nameEn: "City appearance", limit: TimeLimit(amount: 3, clock: .workingDays)),
        Category(code: "0101", nameZh: "暴露垃圾", nameEn: "Exposed rubbish", limit: TimeLimit(amount: 1, clock: .workingDays)),
        Category(code: "0102", nameZh: "施工扰民", nameEn: "Construction noise", limit: TimeLimit(amount: 4, clock: .workingHours)),
    ])

    static let calendar = WorkCalendar.standard
    static let context = DomainContext(organisation: organisation, catalog: catalog, calendar: calendar)
    static let decider = CaseDecider(context: context)

    static func at(_ text: String) -> Instant {
        guard let i = calendar.parseLocal(text) else { fatalError("fixture time \(text)") }
        return i
    }

    static func person(_ login: String) -> Person {
        guard let p = organisation.person(login) else { fatalError("fixture has no person \(login)") }
        return p
    }
}

/// One case played through the real decision function, keeping its events.
struct Script {
    var state: CaseState
    var events: [CaseEvent]

    init(_ id: Int64, grid: String, category: String = "0101", source: CaseSource = .patrol, by login: String, at time: String) throws {
        let now = Town.at(time)
        var r = try Town.decider.report(ReportCommand(title: "案件\(id)", category: category, grid: grid, source: source),
                                        by: Town.person(login), at: now)
        r.code = "C-\(id)"
        state = CaseState(id: id, reported: r, actor: login, at: now)
        events = [CaseEvent(caseID: id, version: 1, actor: login, at: now, body: .reported(r))]
    }

    /// Decides and applies a command as the store would.
    @discardableResult
    mutating func act(_ command: CaseCommand, by login: String, at time: String) throws -> Script {
        let now = Town.at(time)
        for body in try Town.decider.decide(command, on: state, by: Town.person(login), at: now) {
            let event = CaseEvent(caseID: state.id, version: state.version + 1, actor: login, at: now, body: body)
            state.apply(event)
            events.append(event)
        }
        return self
    }

    func facts(asOf: Instant? = nil) throws -> CaseFacts {
        try #require(CaseFacts.fold(events, asOf: asOf))
    }
}

extension FigureTally {
    /// A figure's value, for readable expectations.
    func value(_ figure: Figure) -> Double? { figure.value(self) }
    func parts(_ figure: Figure) -> (Int, Int) { figure.parts(self) }
}
