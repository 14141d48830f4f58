import Testing
@testable import WanggeCore

/// A small hand-built organisation for the loop and permission tests.
///
/// ```
/// street S1 ── community C1 ── grids G1 (building G1-1), G2
///          └── community C2 ── grid  G3
/// street S2 ── community C3 ── grid  G4
/// units: CG (urban management), GA (public security), WY (a property company)
/// ```
/// Every time is local Asia/Shanghai on the standard calendar (08-12, 14-18, Mon-Fri);
/// 2026-03-02 is a Monday.
enum Fixture {
    static let organisation = Organisation(
        county: "测试区",
        streets: [Street(code: "S1", name: "东街道", county: "测试区"), Street(code: "S2", name: "西街道", county: "测试区")],
        communities: [
            Community(code: "C1", name: "幸福社区", street: "S1"),
            Community(code: "C2", name: "和平社区", street: "S1"),
            Community(code: "C3", name: "春晖社区", street: "S2"),
        ],
        grids: [
            Grid(code: "G1", name: "幸福一网格", community: "C1", households: 300,
                 buildings: [Building(code: "G1-1", name: "1号楼", households: 60)]),
            Grid(code: "G2", name: "幸福二网格", community: "C1"),
            Grid(code: "G3", name: "和平一网格", community: "C2"),
            Grid(code: "G4", name: "春晖一网格", community: "C3"),
        ],
        units: [
            Unit(code: "CG", name: "城市管理局", kind: .department),
            Unit(code: "GA", name: "公安派出所", kind: .department),
            Unit(code: "WY", name: "安居物业", kind: .property),
        ],
        people: [
            Person(login: "wk", name: "王网格", role: .gridWorker, scope: .grids(["G1"])),
            Person(login: "wk3", name: "陈网格", role: .gridWorker, scope: .grids(["G3"])),
            Person(login: "pt", name: "刘兼职", role: .partTimeWorker, scope: .grids(["G1"])),
            Person(login: "gl", name: "赵网格长", role: .gridLeader, scope: .community("C1")),
            Person(login: "lcg", name: "城管联络员", role: .liaison, scope: .unit("CG")),
            Person(login: "lga", name: "公安联络员", role: .liaison, scope: .unit("GA")),
            Person(login: "lwy", name: "物业联络员", role: .liaison, scope: .unit("WY")),
            Person(login: "dsp", name: "李派遣", role: .dispatcher, scope: .community("C1")),
            Person(login: "dsps", name: "周派遣", role: .dispatcher, scope: .street("S1")),
            Person(login: "sup", name: "孙督办", role: .supervisor, scope: .street("S1")),
            Person(login: "ldr", name: "吴领导", role: .leader, scope: .street("S1")),
            Person(login: "ev", name: "郑考核", role: .evaluator, scope: .street("S1")),
            Person(login: "adm", name: "管理员", role: .admin, scope: .county),
        ])

    static let catalog = CategoryCatalog(categories: [
        Category(code: "01", nameZh: "市容环境", nameEn: "City appearance", limit: TimeLimit(amount: 3, clock: .workingDays)),
        Category(code: "0101", nameZh: "暴露垃圾", nameEn: "Exposed rubbish", limit: TimeLimit(amount: 1, clock: .workingDays)),
        Category(code: "0102", nameZh: "施工扰民", nameEn: "Construction noise", limit: TimeLimit(amount: 4, clock: .workingHours)),
        Category(code: "04", nameZh: "突发事件", nameEn: "Emergencies", limit: TimeLimit(amount: 2, clock: .urgentHours),
                 level: .street, severity: .major),
    ])

    static let calendar = WorkCalendar.standard
    static let context = DomainContext(organisation: organisation, catalog: catalog, calendar: calendar)
    static let decider = CaseDecider(context: context)

    static func person(_ login: String) -> Person {
        guard let p = organisation.person(login) else { fatalError("fixture has no person \(login)") }
        return p
    }

    /// A local time such as "2026-03-02 09:00".
    static func at(_ text: String) -> Instant {
        guard let i = calendar.parseLocal(text) else { fatalError("fixture time \(text)") }
        return i
    }

    /// Local "yyyy-mm-dd hh:mm" of an instant, for readable expectations.
    static func local(_ instant: Instant?) -> String? {
        instant.map { calendar.civil($0).formatted() }
    }

    /// The refusal `body` throws, or nil when it does not throw.
    static func refusal<T>(_ body: () throws(Refusal) -> T) -> Refusal? {
        do throws(Refusal) {
            _ = try body()
            return nil
        } catch {
            return error
        }
    }
}

/// One case played through the decider, applying each decision as the store would.
struct CaseRun {
    var state: CaseState
    var history: [CaseEvent]
    let decider = Fixture.decider

    /// Reports a case (code C-260302-0001) in `grid` by `login` at `time`.
    init(category: String = "0101", grid: String = "G1", by login: String = "wk", at time: String = "2026-03-02 09:00",
         title: String = "楼道堆放垃圾") throws {
        let now = Fixture.at(time)
        var r = try Fixture.decider.report(
            ReportCommand(title: title, category: category, grid: grid), by: Fixture.person(login), at: now)
        r.code = "C-260302-0001"
        state = CaseState(id: 1, reported: r, actor: login, at: now)
        history = [CaseEvent(caseID: 1, version: 1, actor: login, at: now, body: .reported(r))]
    }

    /// Decides and applies a command; returns the events it produced.
    @discardableResult
    mutating func act(_ command: CaseCommand, by login: String, at time: String) throws(Refusal) -> [EventBody] {
        let now = Fixture.at(time)
        let bodies = try decider.decide(command, on: state, by: Fixture.person(login), at: now)
        for body in bodies {
            let event = CaseEvent(caseID: state.id, version: state.version + 1, actor: login, at: now, body: body)
            state.apply(event)
            history.append(event)
        }
        return bodies
    }

    /// The refusal a command gets, leaving the case untouched.
    func refusal(_ command: CaseCommand, by login: String, at time: String) -> Refusal? {
        Fixture.refusal { () throws(Refusal) in
            try decider.decide(command, on: state, by: Fixture.person(login), at: Fixture.at(time))
        }
    }

    /// Dispatched to `handler` at `time` by the community dispatcher.
    static func dispatched(to handler: Handler = .unit("CG"), category: String = "0101", limit: TimeLimit? = nil,
                           at time: String = "2026-03-02 09:00") throws -> CaseRun {
        var run = try CaseRun(category: category, at: time)
        try run.act(.dispatch(handler: handler, limit: limit, note: nil), by: "dsp", at: time)
        return run
    }
}
