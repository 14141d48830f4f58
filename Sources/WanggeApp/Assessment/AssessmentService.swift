import WanggeAssessment
import WanggeCore
import WanggeStore

/// The period and the moment of judgement of a set of figures.
public struct AssessmentPeriod: Sendable, Hashable {
    /// Cases reported in `[from, to)` are the cohort.
    public var from: Instant
    public var to: Instant
    /// nil: the whole log, judged now (read from the facts table). A time: the log as it
    /// stood then, judged then (folded from the events).
    public var asOf: Instant?

    public init(from: Instant, to: Instant, asOf: Instant? = nil) {
        self.from = from; self.to = to; self.asOf = asOf
    }

    /// The calendar month holding `instant` (local time).
    public static func month(of instant: Instant, calendar: WorkCalendar) -> AssessmentPeriod {
        let d = calendar.civil(instant).date
        return month(year: d.year, month: d.month, calendar: calendar)
    }

    public static func month(year: Int, month: Int, calendar: WorkCalendar) -> AssessmentPeriod {
        let first = CivilDate(year: year, month: month, day: 1) ?? CivilDate(daysSinceEpoch: 0)
        let next = month == 12 ? CivilDate(year: year + 1, month: 1, day: 1) : CivilDate(year: year, month: month + 1, day: 1)
        return AssessmentPeriod(from: calendar.startOfDay(first), to: calendar.startOfDay(next ?? first.adding(days: 31)))
    }
}

/// The figures (考核), shared by `wangge stats`, the ranking, the console's 考核 screen
/// and the benchmarks: which cases a person may count, read in one pass.
public struct AssessmentService: Sendable {
    public let workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    var organisation: Organisation { workspace.organisation }

    /// The report of `dimension` for `period`, over the cases `person` may see, judged at
    /// `period.asOf` or else `now`.
    public func report(_ dimension: AssessmentDimension, _ period: AssessmentPeriod, as person: Person, now: Instant) throws -> AssessmentReport {
        let scope = AssessmentScope(person: person, organisation: organisation)
        let grouping = AssessmentGrouping(dimension: dimension, organisation: organisation)
        let empty = AssessmentAccumulator(grouping: grouping, judgedAt: period.asOf ?? now, calendar: workspace.calendar)
        var rolledUp: RollupAdder<AssessmentAccumulator>?
        if Self.readsRollup(grouping.dimension, scope) {
            rolledUp = { acc, cell in if scope.includes(grid: cell.grid) { acc.addRolledUp(cell) } }
        }
        let parts = try scan(period, start: empty, rolledUp: rolledUp) { acc, facts in
            if scope.includes(facts) { acc.add(facts) }
        }
        var acc = empty
        for part in parts { acc.merge(part) }
        for entry in try workspace.store.routineEntries(from: period.from, to: period.to, asOf: period.asOf)
        where scope.includes(grid: entry.grid) {
            acc.addRoutine(grid: entry.grid, worker: entry.worker, findings: entry.findings.count, cases: entry.caseCount)
        }
        return acc.report(from: period.from, to: period.to, keys: scope.keys(for: grouping, counted: acc.groups),
                          residentsTotal: scope.residents)
    }

    /// The ids of the cases behind one figure of one group (`key` "" for the total line):
    /// the cases it counts, or the ones that count against it.
    public func cases(
        behind figure: Figure, key: String, selection: FigureDrill.Selection, dimension: AssessmentDimension,
        _ period: AssessmentPeriod, as person: Person, now: Instant
    ) throws -> [Int64] {
        let scope = AssessmentScope(person: person, organisation: organisation)
        let drill = FigureDrill(
            figure: figure, key: key, selection: selection,
            grouping: AssessmentGrouping(dimension: dimension, organisation: organisation),
            judgedAt: period.asOf ?? now, calendar: workspace.calendar)
        return try scan(period, start: [Int64]()) { ids, facts in
            if scope.includes(facts), drill.selects(facts) { ids.append(facts.caseID) }
        }.flatMap { $0 }
    }

    /// The monthly 红黑榜 of one kind of unit.
    public func ranking(_ period: AssessmentPeriod, kind: UnitKind, top: Int, minimumRounds: Int, as person: Person, now: Instant) throws -> UnitRanking.Result {
        let report = try report(.department, period, as: person, now: now)
        return UnitRanking.rank(report, organisation: organisation, kind: kind, top: top, minimumRounds: minimumRounds)
    }

    /// How many ranges of a period the facts table is read in at once.
    static let scanWorkers = ParallelMap.defaultWorkers

    /// At most how many ranges a period read through the roll-up is cut into.
    static let rangesPerScan = 64

    /// Adds a roll-up row (a day's cases of one grid) to a scan's value.
    typealias RollupAdder<R> = @Sendable (inout R, RollupCell) -> Void

    /// Whether figures of `dimension` for `scope` can take cases from the roll-up:
    /// place figures (a case's group is its grid's) for a person who sees grids, not a
    /// department's liaison (who counts cases by handler).
    static func readsRollup(_ dimension: AssessmentDimension, _ scope: AssessmentScope) -> Bool {
        dimension.isPlace && scope.unit == nil
    }

    /// Folds every case of the period's cohort once into values made from `start`, one
    /// per range of the period read at the same time (in the order of the ranges): from
    /// the facts table, or folded from the log as of `period.asOf` (one range). With
    /// `rolledUp`, the cases of whole days come as roll-up rows to it instead of one by
    /// one to `add`. Ranges that turn out to have read different states of the log
    /// (a commit landed between their reads) are read again as one.
    func scan<R: Sendable>(
        _ period: AssessmentPeriod, start: R, rolledUp: RollupAdder<R>? = nil, _ add: @escaping @Sendable (inout R, CaseFacts) -> Void
    ) throws -> [R] {
        let store = workspace.store
        if let asOf = period.asOf {
            var result = start
            try store.replayAssessmentFacts(reportedFrom: period.from, to: period.to, asOf: asOf) { add(&result, $0) }
            return [result]
        }
        if let rolledUp {
            let read: @Sendable (Instant, Instant) throws -> (R, Int64) = { from, to in
                var result = start
                let position = try store.scanAssessmentRollup(
                    reportedFrom: from, to: to, cells: { rolledUp(&result, $0) }, facts: { add(&result, $0) })
                return (result, position)
            }
            // A range a day, newest first, taken in turn: the late instants of running
            // cases crowd the last days of a period, so equal halves left one worker with
            // most of the work, and heavy days taken last left a worker idle at the end.
            // A day's range costs one short read transaction.
            let ranges = Self.splitByDays(period.from, period.to, into: Self.rangesPerScan)
            let parts = try ParallelMap.run(Array(ranges.reversed()), workers: Self.scanWorkers) { range in try read(range.from, range.to) }
            if Set(parts.map(\.1)).count <= 1 { return parts.reversed().map(\.0) }
            return [try read(period.from, period.to).0]
        }
        let ranges = Self.split(period.from, period.to, into: Self.scanWorkers)
        let parts = try ParallelMap.run(ranges, workers: ranges.count) { range -> (R, Int64) in
            var result = start
            let position = try store.scanAssessmentFacts(reportedFrom: range.from, to: range.to) { add(&result, $0) }
            return (result, position)
        }
        if Set(parts.map(\.1)).count <= 1 { return parts.map(\.0) }
        var result = start
        try store.scanAssessmentFacts(reportedFrom: period.from, to: period.to) { add(&result, $0) }
        return [result]
    }

    /// `[from, to)` cut at day starts (of the roll-up's days) into at most `n` ranges of
    /// about as many whole days each; one range when it holds fewer than two whole days.
    static func splitByDays(_ from: Instant, _ to: Instant, into n: Int) -> [(from: Instant, to: Instant)] {
        let days = FactsRollup.wholeDays(from: from, to: to)
        let count = Int64(max(1, min(n, days.count)))
        guard count > 1 else { return [(from, to)] }
        let cuts = (1..<count).map { FactsRollup.start(ofDay: days.lowerBound + Int64(days.count) * $0 / count) }
        let bounds = [from] + cuts + [to]
        return (0..<Int(count)).map { (bounds[$0], bounds[$0 + 1]) }
    }

    /// `[from, to)` cut into `n` ranges of equal length (fewer for short periods).
    static func split(_ from: Instant, _ to: Instant, into n: Int) -> [(from: Instant, to: Instant)] {
        let length = to - from
        let count = Int64(max(1, min(n, Int(length / 3600))))
        return (0..<count).map { i in
            (from + length * i / count, i == count - 1 ? to : from + length * (i + 1) / count)
        }
    }
}

extension AssessmentAccumulator {
    /// Adds a roll-up row of the store, judged at this accumulator's moment.
    mutating func addRolledUp(_ cell: RollupCell) {
        addRolledUp(grid: cell.grid, counts: cell.tally(judgedAt: judgedAt), closed: cell.closed.map {
            (Instant(secondsSinceEpoch: $0.reported), Instant(secondsSinceEpoch: $0.closed))
        })
    }
}
