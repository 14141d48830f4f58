import WanggeCore

/// Sums case facts into the tallies of one dimension's groups, in one pass: each case
/// is seen once, whatever the number of groups.
public struct AssessmentAccumulator: Sendable {
    public let grouping: AssessmentGrouping
    /// Open rounds are judged late if their deadline has passed at this instant.
    public let judgedAt: Instant
    let calendar: WorkCalendar
    public private(set) var groups: [String: FigureTally] = [:]
    /// Every case once, whatever the dimension: the line under the table. For places,
    /// where each case belongs to one group, it is the sum of the groups and `unplaced`.
    private var counted = FigureTally()
    /// Place dimensions: cases whose grid is not in the organisation.
    private var unplaced = FigureTally()

    /// Every case once, whatever the dimension: the line under the table.
    public var total: FigureTally {
        guard grouping.dimension.isPlace else { return counted }
        var sum = unplaced
        for tally in groups.values { sum.merge(tally) }
        return sum
    }

    public init(grouping: AssessmentGrouping, judgedAt: Instant, calendar: WorkCalendar) {
        self.grouping = grouping; self.judgedAt = judgedAt; self.calendar = calendar
    }

    /// Working seconds from report to closing, on the calendar's working hours.
    public func closeSeconds(_ f: CaseFacts) -> Int64? {
        f.closedAt.map { calendar.measure(from: f.reportedAt, to: $0, clock: .workingHours) }
    }

    public mutating func add(_ f: CaseFacts) {
        let seconds = closeSeconds(f)
        if grouping.dimension.isPlace {
            // One group takes all of the case: no separate total to keep.
            func addAll(_ t: inout FigureTally) {
                t.addCase(f, judgedAt: judgedAt, closeSeconds: seconds)
                for h in f.handlers { t.addHandler(h, of: f, judgedAt: judgedAt) }
            }
            if let key = grouping.caseKey(f) { addAll(&groups[key, default: FigureTally()]) } else { addAll(&unplaced) }
            return
        }
        counted.addCase(f, judgedAt: judgedAt, closeSeconds: seconds)
        for h in f.handlers { counted.addHandler(h, of: f, judgedAt: judgedAt) }
        if let key = grouping.caseKey(f) {
            groups[key, default: FigureTally()].addCase(f, judgedAt: judgedAt, closeSeconds: seconds)
        }
        for h in f.handlers {
            if let key = grouping.handlerKey(h.handler, of: f) {
                groups[key, default: FigureTally()].addHandler(h, of: f, judgedAt: judgedAt)
            }
        }
    }

    /// Adds the summed counts of cases of one grid (a roll-up row, judged at `judgedAt`),
    /// with the report and close instants of the closed ones. Only for place dimensions,
    /// where a case's group is its grid's; the counts are exactly what `add` would have
    /// added for each of those cases.
    public mutating func addRolledUp(grid: String, counts: FigureTally, closed: [(reported: Instant, closed: Instant)]) {
        precondition(grouping.dimension.isPlace, "roll-up rows only make place figures")
        var tally = counts
        tally.closeSeconds = closed.map { calendar.measure(from: $0.reported, to: $0.closed, clock: .workingHours) }
        if let key = grouping.placeKey(grid: grid, worker: "") { groups[key, default: FigureTally()].merge(tally) } else {
            unplaced.merge(tally)
        }
    }

    /// Adds one routine work entry (五查三问) made by `worker` in `grid`.
    public mutating func addRoutine(grid: String, worker: String, findings: Int, cases: Int) {
        let key = grouping.placeKey(grid: grid, worker: worker)
        if grouping.dimension.isPlace {
            if let key { groups[key, default: FigureTally()].addRoutine(findings: findings, cases: cases) } else {
                unplaced.addRoutine(findings: findings, cases: cases)
            }
            return
        }
        counted.addRoutine(findings: findings, cases: cases)
        if let key { groups[key, default: FigureTally()].addRoutine(findings: findings, cases: cases) }
    }

    /// Adds what another accumulator of the same grouping counted (a scan of another
    /// range of the period, run at the same time).
    public mutating func merge(_ other: AssessmentAccumulator) {
        counted.merge(other.counted)
        unplaced.merge(other.unplaced)
        for (key, tally) in other.groups { groups[key, default: FigureTally()].merge(tally) }
    }

    /// The finished report. `keys` limits and orders the groups (nil: every group the
    /// organisation defines, then any other group that has counts); `residentsTotal` is
    /// the population the total line stands for.
    public func report(from: Instant, to: Instant, keys: [String]? = nil, residentsTotal: Int) -> AssessmentReport {
        var order = keys ?? grouping.allKeys()
        if keys == nil {
            let known = Set(order)
            order += groups.keys.filter { !known.contains($0) }.sorted()
        }
        let rows = order.map { key in
            var tally = groups[key] ?? FigureTally()
            tally.residents = grouping.residents(of: key)
            RadixSort.sort(&tally.closeSeconds)
            return AssessmentRow(key: key, name: grouping.name(of: key), tally: tally)
        }
        var total = total
        total.residents = residentsTotal
        // Sorted, so a report does not depend on the order the cases were read in.
        RadixSort.sort(&total.closeSeconds)
        return AssessmentReport(dimension: grouping.dimension, from: from, to: to, judgedAt: judgedAt, rows: rows, total: total)
    }
}

/// One group's line of a report.
public struct AssessmentRow: Sendable, Hashable {
    public var key: String
    public var name: String
    public var tally: FigureTally

    public init(key: String, name: String, tally: FigureTally) { self.key = key; self.name = name; self.tally = tally }
}

/// The figures of one dimension's groups for the cases reported in `[from, to)`,
/// judged at `judgedAt`.
public struct AssessmentReport: Sendable {
    public var dimension: AssessmentDimension
    public var from: Instant
    public var to: Instant
    public var judgedAt: Instant
    public var rows: [AssessmentRow]
    public var total: FigureTally

    public init(dimension: AssessmentDimension, from: Instant, to: Instant, judgedAt: Instant, rows: [AssessmentRow], total: FigureTally) {
        self.dimension = dimension; self.from = from; self.to = to; self.judgedAt = judgedAt; self.rows = rows; self.total = total
    }

    /// The figures that mean something for this dimension, in the README's order.
    public var figures: [Figure] { Figure.allCases.filter { $0.applies(to: dimension) } }
}
