import WanggeCore
import WanggeStore

/// A county-sized world for `wangge bench-engine`: 1,730 grids of six buildings (the
/// county of DOMAIN.md §8) and N open cases reported over the past three years, every one
/// dispatched at grid level. `hot` of them have a 3-calendar-day limit that ends one
/// day after `start`; the rest have 60-120 days, so their first check (the 75% warning)
/// comes weeks later. A full evaluation at `start` finds nothing to do; a tick one day
/// and one hour later finds exactly the hot cases overdue.
public enum EngineBenchData {
    public static let grids = 1_730

    /// The bench organisation: one street, communities of 15 grids, six buildings per
    /// grid, the demo's units, and `operatorLogin` as a county-wide supervisor.
    public static func organisationTOML(operatorLogin: String) -> String {
        var out = "county = \"基准县\"\n\n[[street]]\ncode = \"JD01\"\nname = \"基准街道\"\n"
        let communities = (grids + 14) / 15
        for c in 0..<communities { out += "\n[[community]]\ncode = \"C\(c)\"\nname = \"第\(c + 1)社区\"\nstreet = \"JD01\"\n" }
        for g in 0..<grids {
            out += "\n[[grid]]\ncode = \"\(gridCode(g))\"\nname = \"第\(g + 1)网格\"\ncommunity = \"C\(g / 15)\"\nhouseholds = 300\n"
            for b in 1...6 { out += "[[grid.building]]\ncode = \"\(gridCode(g))-\(b)\"\nname = \"\(b)号楼\"\nhouseholds = 50\n" }
        }
        for u in DemoConfiguration.units { out += "\n[[unit]]\ncode = \"\(u.code)\"\nname = \"\(u.name)\"\nkind = \"\(u.kind.rawValue)\"\n" }
        out += "\n[[person]]\nlogin = \"\(operatorLogin)\"\nname = \"基准操作员\"\nrole = \"supervisor\"\nscope = \"county\"\n"
        return out
    }

    public static func gridCode(_ g: Int) -> String { "G\(g)" }

    /// Categories with no rule of their own in the default rules (no emergencies, no
    /// disputes, nothing that summons or goes on the agenda).
    public static let categories = ["0101", "0102", "0103", "0104", "0201", "0202", "0301", "0302", "0501", "0502", "0503",
                                    "0601", "0602", "0603", "1101", "1102", "1103", "1201", "1202", "1301", "1401"]

    /// Histories for cases `first ..< first + count` (ids from `firstID`), `hot` of the
    /// whole set being the first `hot` indexes.
    public static func histories(
        range: Range<Int>, firstID: Int64, hot: Int, start: Instant, calendar: WorkCalendar
    ) -> [(events: [CaseEvent], state: CaseState)] {
        var result: [(events: [CaseEvent], state: CaseState)] = []
        result.reserveCapacity(range.count)
        for i in range {
            var rng = SeededRandom(seed: UInt64(i) &* 0x9E37_79B9 &+ 17)
            let id = firstID + Int64(i)
            let g = rng.int(0..<grids)
            let grid = gridCode(g)
            let category = categories[rng.int(0..<categories.count)]
            let limit: TimeLimit
            let dispatchedAt: Instant
            if i < hot {
                limit = TimeLimit(amount: 3, clock: .calendarDays)
                dispatchedAt = start - 2 * 86_400 + Int64(rng.int(0..<3600))
            } else {
                limit = TimeLimit(amount: rng.int(60...120), clock: .calendarDays)
                dispatchedAt = start - Int64(rng.int(86_400...40 * 86_400))
            }
            let reportedAt = dispatchedAt - Int64(rng.int(1200...(1000 * 86_400)))
            let reported = Reported(
                code: "C-Q\(id)", title: "楼道堆放杂物影响通行", description: "网格员巡查发现，楼道内长期堆放杂物。",
                category: category, grid: grid, building: "\(grid)-\(rng.int(1...6))", source: .patrol, severity: .normal,
                level: .grid, sourceRef: nil, dispatchLimit: TimeLimit(amount: 24, clock: .urgentHours), dueAt: reportedAt + 86_400)
            var state = CaseState(id: id, reported: reported, actor: "bench.worker", at: reportedAt)
            var events = [CaseEvent(caseID: id, version: 1, actor: "bench.worker", at: reportedAt, body: .reported(reported))]
            let due = calendar.deadline(start: dispatchedAt, limit: limit) ?? dispatchedAt
            let steps: [(Instant, EventBody)] = [
                (reportedAt + 600, .accepted(note: nil)),
                (dispatchedAt, .dispatched(handler: .unit("CG"), limit: limit, dueAt: due, note: nil)),
                (dispatchedAt + 1800, .handlerAccepted),
            ]
            for (k, step) in steps.enumerated() {
                let event = CaseEvent(caseID: id, version: k + 2, actor: "bench.dispatcher", at: step.0, body: step.1)
                state.apply(event)
                events.append(event)
            }
            result.append((events, state))
        }
        return result
    }
}

extension EngineBenchData {
    /// A year of history for the replay figure: cases reported evenly over the 365 days
    /// before `end`, dispatched within hours, handled within their limit (one in five
    /// late), and closed a few days later; those reported in the last two weeks are still
    /// open. Five events per case. A 30-day replay touches the cases open in those days.
    public static func yearOfHistory(
        range: Range<Int>, total: Int, firstID: Int64, end: Instant, calendar: WorkCalendar
    ) -> [(events: [CaseEvent], state: CaseState)] {
        var result: [(events: [CaseEvent], state: CaseState)] = []
        result.reserveCapacity(range.count)
        let span = Int64(365 * 86_400)
        for i in range {
            var rng = SeededRandom(seed: UInt64(i) &* 0x9E37_79B9 &+ 91)
            let id = firstID + Int64(i)
            let grid = gridCode(rng.int(0..<grids))
            let category = categories[rng.int(0..<categories.count)]
            let reportedAt = end - span + span * Int64(i) / Int64(max(1, total)) + Int64(rng.int(0..<600))
            let reported = Reported(
                code: "C-H\(id)", title: "楼道堆放杂物影响通行", description: "网格员巡查发现，楼道内长期堆放杂物。",
                category: category, grid: grid, building: "\(grid)-\(rng.int(1...6))", source: .patrol, severity: .normal,
                level: .grid, sourceRef: nil, dispatchLimit: TimeLimit(amount: 24, clock: .urgentHours), dueAt: reportedAt + 86_400)
            var state = CaseState(id: id, reported: reported, actor: "bench.worker", at: reportedAt)
            var events = [CaseEvent(caseID: id, version: 1, actor: "bench.worker", at: reportedAt, body: .reported(reported))]
            let dispatchedAt = reportedAt + Int64(rng.int(600...14_400))
            let limit = TimeLimit(amount: rng.int(1...5), clock: .workingDays)
            let due = calendar.deadline(start: dispatchedAt, limit: limit) ?? dispatchedAt
            let late = rng.chance(0.2)
            let handledAt = late ? due + Int64(rng.int(3600...(5 * 86_400))) : dispatchedAt + (due - dispatchedAt) * Int64(rng.int(20...95)) / 100
            let closedAt = handledAt + Int64(rng.int(86_400...(4 * 86_400)))
            var steps: [(Instant, EventBody)] = [
                (reportedAt + 300, .accepted(note: nil)),
                (dispatchedAt, .dispatched(handler: .unit("CG"), limit: limit, dueAt: due, note: nil)),
            ]
            if handledAt < end {
                steps.append((handledAt, .feedback(text: "已现场处置完毕", limit: TimeLimit(amount: 24, clock: .urgentHours), dueAt: handledAt + 86_400)))
            }
            if closedAt < end { steps.append((closedAt, .closed(note: nil))) }
            for (k, step) in steps.enumerated() {
                let event = CaseEvent(caseID: id, version: k + 2, actor: "bench.dispatcher", at: step.0, body: step.1)
                state.apply(event)
                events.append(event)
            }
            result.append((events, state))
        }
        return result
    }
}
