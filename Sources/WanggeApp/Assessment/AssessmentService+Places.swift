import WanggeAssessment
import WanggeCore
import WanggeStore

extension AssessmentService {
    /// The groups of `dimension` that lie under `parent` (a street's communities, a
    /// community's grids); every group when `parent` is nil or not a place.
    public func keys(_ dimension: AssessmentDimension, under parent: String?) -> Set<String>? {
        guard let parent else { return nil }
        let org = organisation
        switch dimension {
        case .community: return Set(org.communities.filter { $0.street == parent }.map(\.code))
        case .grid: return Set(org.grids(inCommunity: parent).map(\.code))
        default: return nil
        }
    }

    /// The report of `dimension` limited to the groups under `parent`, whose total line is
    /// exactly those groups (the parent's own figures, for places).
    public func report(
        _ dimension: AssessmentDimension, _ period: AssessmentPeriod, under parent: String?, as person: Person, now: Instant
    ) throws -> AssessmentReport {
        var report = try report(dimension, period, as: person, now: now)
        guard let keys = keys(dimension, under: parent) else { return report }
        report.rows = report.rows.filter { keys.contains($0.key) }
        var total = FigureTally()
        for row in report.rows { total.merge(row.tally) }
        RadixSort.sort(&total.closeSeconds)
        report.total = total
        return report
    }

    /// The tallies of each group (and of the whole, under key "") in consecutive periods,
    /// oldest first, from one pass over the periods' union: the console's sparklines.
    public func series(
        _ dimension: AssessmentDimension, periods: [AssessmentPeriod], under parent: String?, as person: Person, now: Instant
    ) throws -> [String: [FigureTally]] {
        guard let first = periods.first, let last = periods.last else { return [:] }
        let scope = AssessmentScope(person: person, organisation: organisation)
        let keys = keys(dimension, under: parent)
        let grouping = AssessmentGrouping(dimension: dimension, organisation: organisation)
        let empty = AssessmentAccumulator(grouping: grouping, judgedAt: now, calendar: workspace.calendar)
        let starts = periods.map(\.from)
        let union = AssessmentPeriod(from: first.from, to: last.to)
        /// The last period starting at or before `instant`, if it holds it.
        let periodOf: @Sendable (Instant) -> Int? = { instant in
            var low = 0, high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= instant { low = mid } else { high = mid - 1 }
            }
            return instant >= starts[low] && instant < periods[low].to ? low : nil
        }
        // A roll-up row is one day: it can go to one period when every period starts and
        // ends at a day start.
        let aligned = periods.allSatisfy { FactsRollup.isDayStart($0.from) && FactsRollup.isDayStart($0.to) }
        var rolledUp: RollupAdder<[AssessmentAccumulator]>?
        if aligned && Self.readsRollup(dimension, scope) {
            rolledUp = { accumulators, cell in
                guard scope.includes(grid: cell.grid), let i = periodOf(FactsRollup.start(ofDay: cell.day)) else { return }
                accumulators[i].addRolledUp(cell)
            }
        }
        let parts = try scan(union, start: Array(repeating: empty, count: periods.count), rolledUp: rolledUp) { accumulators, facts in
            guard scope.includes(facts), let i = periodOf(facts.reportedAt) else { return }
            accumulators[i].add(facts)
        }
        var merged = Array(repeating: empty, count: periods.count)
        for part in parts { for i in merged.indices { merged[i].merge(part[i]) } }
        var series: [String: [FigureTally]] = [:]
        for (i, acc) in merged.enumerated() {
            var total = FigureTally()
            for (key, var tally) in acc.groups where keys?.contains(key) ?? true {
                tally.residents = grouping.residents(of: key)
                series[key, default: Array(repeating: FigureTally(), count: periods.count)][i] = tally
                total.merge(tally)
            }
            if keys == nil {
                total = acc.total
                total.residents = scope.residents
            }
            series["", default: Array(repeating: FigureTally(), count: periods.count)][i] = total
        }
        return series
    }
}
