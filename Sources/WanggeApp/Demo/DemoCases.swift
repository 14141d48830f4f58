import WanggeCore
import WanggeStore

/// Generates the demo's cases by playing each one through the real decision function
/// (so every event is one the console itself would have written), deterministic from
/// a seed, spread over the last 60 days and left in every state of the loop: open,
/// overdue, reworked, extended, suspended, summoned, escalated, duplicates, closed and
/// archived.
public struct DemoCases {
    let context: DomainContext
    let decider: CaseDecider
    let now: Instant
    let seed: UInt64
    let days: Int

    let leafCategories: [Category]
    let dispatchers: [Person]
    let supervisors: [Person]
    let evaluators: [Person]
    let leaders: [Person]
    let workersByGrid: [String: [Person]]
    let liaisonByUnit: [String: Person]

    public init(context: DomainContext, now: Instant, seed: UInt64, days: Int = 60) {
        self.context = context
        decider = CaseDecider(context: context)
        self.now = now
        self.seed = seed
        self.days = days
        let catalog = context.catalog
        leafCategories = catalog.categories.filter { c in !catalog.categories.contains { $0.parentCode == c.code } }
        let people = context.organisation.people
        // Street-wide staff act in the generated history; the county-wide demo operator does not.
        func county(_ p: Person) -> Bool { if case .street = p.scope { true } else { false } }
        dispatchers = people.filter { $0.role == .dispatcher && county($0) }
        supervisors = people.filter { $0.role == .supervisor && county($0) }
        evaluators = people.filter { $0.role == .evaluator }
        leaders = people.filter { $0.role == .leader }
        var workers: [String: [Person]] = [:]
        var liaisons: [String: Person] = [:]
        for p in people {
            if p.role == .gridWorker, case .grids(let grids) = p.scope { for g in grids { workers[g, default: []].append(p) } }
            if p.role == .liaison, case .unit(let u) = p.scope { liaisons[u] = p }
        }
        workersByGrid = workers
        liaisonByUnit = liaisons
    }

    /// Builds `count` cases starting at `firstID`, calling `sink` with batches of
    /// histories ready for `BulkCaseWriter`. `codeCounters` continues existing sequences.
    public func generate(
        count: Int, firstID: Int64, codeCounters: inout [String: Int64], batchSize: Int = 5_000,
        sink: ([(events: [CaseEvent], state: CaseState)], [String: Int64]) throws -> Void
    ) throws {
        var batch: [(events: [CaseEvent], state: CaseState)] = []
        batch.reserveCapacity(batchSize)
        var recentByPlace: [String: String] = [:]
        for i in 0..<count {
            var rng = SeededRandom(seed: seed &+ UInt64(i) &* 0x9E37_79B9)
            let id = firstID + Int64(i)
            if let history = simulate(id: id, rng: &rng, codeCounters: &codeCounters, recentByPlace: &recentByPlace) {
                batch.append(history)
            }
            if batch.count >= batchSize {
                try sink(batch, codeCounters)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try sink(batch, codeCounters) }
    }

    func handler(for category: Category, grid: String, rng: inout SeededRandom) -> Handler {
        let c = category.code
        let unit: String? = switch c {
        case "0401": "XF"
        case "0402": "RQ"
        case "0403", "0404", "0601", "0602": "CG"
        case "0201", "0202", "0301", "0302", "0501", "0502", "0503": "CG"
        case "1203": "SW"
        case "1204": "GD"
        case "1205": "RQ"
        case "1301", "1302": "GA"
        case "1104": "ZJ"
        case "1202", "1002", "0603": rng.chance(0.5) ? "WY01" : "WY02"
        default: nil
        }
        if let unit, rng.chance(0.85) { return .unit(unit) }
        if let worker = workersByGrid[grid]?.first { return .person(worker.login) }
        return .unit("CG")
    }

    func actor(for handler: Handler) -> Person? {
        switch handler {
        case .person(let login): context.organisation.person(login)
        case .unit(let u): liaisonByUnit[u]
        }
    }

    /// Plays one case forward from its report until `now` or until it is archived.
    func simulate(
        id: Int64, rng: inout SeededRandom, codeCounters: inout [String: Int64], recentByPlace: inout [String: String]
    ) -> (events: [CaseEvent], state: CaseState)? {
        let org = context.organisation
        let category = rng.pick(leafCategories)
        let grid = rng.pick(org.grids)
        let building = grid.buildings.isEmpty ? nil : rng.pick(grid.buildings)
        // Reports cluster in the daytime: pick a day, then an hour weighted to 07-21.
        // A quarter of the reports are from the last five days, so the queues are busy.
        let dayOffset = Int64(rng.chance(0.25) ? rng.int(0..<min(5, days)) : rng.int(0..<days))
        let hour = Int64(rng.chance(0.85) ? rng.int(7...20) : rng.int(0...23))
        let startOfToday = now.secondsSinceEpoch - Int64(context.calendar.civil(now).secondsFromMidnight)
        var t = Instant(secondsSinceEpoch: startOfToday - dayOffset * 86_400 + hour * 3600 + Int64(rng.int(0..<3600)))
        if t > now { t = now - Int64(rng.int(60...7200)) }

        let sources: [(CaseSource, Double)] = [(.patrol, 0.5), (.hotline, 0.25), (.walkIn, 0.1), (.camera, 0.08), (.inspection, 0.07)]
        var roll = Double(rng.int(0..<1000)) / 1000
        var source = CaseSource.patrol
        for (s, p) in sources { if roll < p { source = s; break }; roll -= p }
        let dispatcher = rng.pick(dispatchers)
        let supervisor = rng.pick(supervisors)
        let reporter: Person = source == .patrol ? (workersByGrid[grid.code]?.first ?? dispatcher) : dispatcher
        let templates = DemoTitles.byCategory[category.code] ?? [category.nameZh]
        let title = rng.pick(templates).replacingBuilding(building?.name ?? "")
        let description = "\(grid.name)\(building.map { " \($0.name)" } ?? "")：\(title)。"
            + (source == .hotline ? "市民来电反映，要求尽快处理。" : "网格员巡查发现。")
        let report = ReportCommand(
            title: title, description: description, category: category.code, grid: grid.code, building: building?.code,
            source: source, sourceRef: source == .hotline ? "12345-\(2_600_000 + id)" : nil)
        guard var reported = try? decider.report(report, by: reporter, at: t) else { return nil }
        let day = dayCode(t)
        let number = (codeCounters[day] ?? 0) + 1
        codeCounters[day] = number
        reported.code = "C-\(day)-" + String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
        var state = CaseState(id: id, reported: reported, actor: reporter.login, at: t)
        var events = [CaseEvent(caseID: id, version: 1, actor: reporter.login, at: t, body: .reported(reported))]

        /// Advances the clock by `delay` seconds and applies a command; false once the
        /// step would happen after `now` (the case stays where it is) or is refused.
        func step(_ command: CaseCommand, by person: Person?, after delay: Int64) -> Bool {
            guard let person else { return false }
            let at = t + max(60, delay)
            guard at <= now else { return false }
            guard let bodies = try? decider.decide(command, on: state, by: person, at: at) else { return false }
            t = at
            for body in bodies {
                let event = CaseEvent(caseID: id, version: state.version + 1, actor: person.login, at: at, body: body)
                state.apply(event)
                events.append(event)
            }
            return true
        }
        func minutes(_ r: ClosedRange<Int>) -> Int64 { Int64(rng.int(r)) * 60 }
        let placeKey = grid.code + "/" + category.code
        defer { if state.status != .merged { recentByPlace[placeKey] = state.code } }

        // Duplicate report of something already reported in the same grid.
        if let primary = recentByPlace[placeKey], rng.chance(0.25) {
            _ = step(.linkDuplicate(primary: primary), by: dispatcher, after: minutes(10...120))
            return (events, state)
        }
        if rng.chance(0.03) {
            _ = step(.decline(reason: "不属于受理范围，已告知来电人"), by: dispatcher, after: minutes(5...60))
            return (events, state)
        }
        guard step(.accept(note: nil), by: dispatcher, after: minutes(5...90)) else { return (events, state) }
        if category.severity >= .major || rng.chance(0.05) {
            _ = step(.escalate(to: nil, reason: category.severity >= .major ? "情况严重，提级处置" : "网格无法解决，提交上级", rule: nil),
                     by: supervisor, after: minutes(5...60))
        }
        let handler = handler(for: category, grid: grid.code, rng: &rng)
        guard step(.dispatch(handler: handler, limit: nil, note: nil), by: dispatcher, after: minutes(5...120)) else { return (events, state) }
        let handlerPerson = actor(for: handler)
        if category.code.hasPrefix("04") || category.code == "1005" || rng.chance(0.04) {
            let units = category.code == "0402" ? ["RQ", "XF"] : category.code == "0401" ? ["XF", "GA"] : [rng.pick(["GA", "CG", "ZJ", "SJ"])]
            if step(.summon(units: units, limit: nil, note: "请相关部门到场联合处置"), by: dispatcher, after: minutes(2...30)) {
                for unit in units where rng.chance(0.8) {
                    _ = step(.reportIn(unit: unit, note: "已到场"), by: liaisonByUnit[unit], after: minutes(10...180))
                }
            }
        }
        guard step(.handlerAccept, by: handlerPerson, after: minutes(10...240)) else { return (events, state) }
        if rng.chance(0.03) {
            let until = t + Int64(rng.int(3...20)) * 86_400
            if step(.suspend(reason: "等待产权单位答复", until: until), by: supervisor, after: minutes(30...600)), rng.chance(0.5) {
                _ = step(.resume, by: supervisor, after: Int64(rng.int(1...3)) * 86_400)
            }
        }
        if rng.chance(0.06), step(.requestExtension(reason: "需协调多方，申请延期"), by: handlerPerson, after: minutes(60...600)) {
            _ = step(.decideExtension(approve: rng.chance(0.8), note: nil), by: supervisor, after: minutes(30...300))
        }
        // How long handling takes, as a share of the limit: most on time, some late.
        let share = rng.chance(0.8) ? Double(rng.int(10...90)) / 100 : Double(rng.int(100...260)) / 100
        let clock = state.clock
        var handlingEnd = t + 3600
        if let clock, let due = state.dueAt {
            let total = context.calendar.totalSeconds(clock.limit, extensions: clock.extensions)
            handlingEnd = context.calendar.advance(from: clock.start, by: Int64(Double(total) * share), clock: clock.limit.clock)
            if share > 1, due < now, rng.chance(0.5) {
                _ = step(.supervise(.timeout, note: "已超期，请尽快处置"), by: supervisor, after: max(60, due - t + 600))
            }
        }
        let feedbackDelay = max(60, handlingEnd - t)
        guard step(.feedback(text: "已现场处置完毕"), by: handlerPerson, after: feedbackDelay) else {
            if state.isOverdue(at: now), rng.chance(0.3), let leader = leaders.first {
                _ = step(.supervise(.leader, note: "领导督办：限期办结"), by: leader, after: 600)
            }
            return (events, state)
        }
        let verifier = workersByGrid[grid.code]?.first ?? supervisor
        if rng.chance(0.1) {
            guard step(.verify(passed: false, note: "现场核查未整改到位"), by: verifier, after: minutes(60...900)),
                  step(.feedback(text: "已返工整改"), by: handlerPerson, after: minutes(240...2400)) else { return (events, state) }
        }
        guard step(.verify(passed: true, note: "现场核查已整改"), by: verifier, after: minutes(60...1200)) else { return (events, state) }
        let satisfaction: Satisfaction = rng.chance(0.75) ? .satisfied : rng.chance(0.7) ? .basicallySatisfied : .dissatisfied
        guard step(.evaluate(satisfaction, note: nil), by: evaluators.first ?? supervisor, after: minutes(60...2880)) else { return (events, state) }
        guard step(.close(note: nil), by: supervisor, after: minutes(30...1440)) else { return (events, state) }
        _ = step(.archive, by: supervisor, after: 14 * 86_400 + minutes(0...1440))
        return (events, state)
    }

    func dayCode(_ instant: Instant) -> String {
        let d = context.calendar.civil(instant).date
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return two(d.year % 100) + two(d.month) + two(d.day)
    }
}

extension String {
    func replacingBuilding(_ name: String) -> String {
        guard let range = range(of: "{b}") else { return self }
        return replacingCharacters(in: range, with: name)
    }
}
