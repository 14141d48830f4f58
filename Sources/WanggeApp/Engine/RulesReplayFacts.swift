import WanggeCore
import WanggeRules
import WanggeStore

/// The rules' facts about other cases as they stood at the replay's current instant,
/// from the projection rows of the period: when each case was open, where, what, and
/// when its duplicates were linked (a merged case's last change is its link).
final class HistoryFacts: RuleFacts {
    var now: Instant
    let index: HistoryIndex
    var byGrid: [String: [ReplayCaseRow]] { index.byGrid }
    var links: [String: [Instant]] { index.links }

    init(index: HistoryIndex, now: Instant) {
        self.index = index
        self.now = now
    }

    func duplicateCount(of state: CaseState) -> Int {
        links[state.code]?.filter { $0 <= now }.count ?? 0
    }

    func reportCount(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> Int {
        index.reportTimes.count(near: state, scope: scope, match: match, from: from, to: to)
            ?? reports(near: state, scope: scope, match: match, from: from, to: to).filter { $0.id != state.id }.count
    }

    func reports(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> [CaseSummary] {
        let rows = byGrid[state.grid] ?? []
        let times = index.gridTimes[state.grid] ?? []
        let lower = ReportTimesIndex.firstIndex(in: times, notBefore: from)
        let upper = ReportTimesIndex.firstIndex(in: times, notBefore: to + 1)
        return rows[lower..<upper].filter { r in
            (scope == .grid || r.building == state.building) && match.same(r.category, state.category)
                && r.reportedAt >= from && r.reportedAt <= to && !(r.status == .merged && (r.endedAt ?? now) <= now)
        }.map(Self.summary)
    }

    func openCases(near state: CaseState, scope: PlaceScope, prefixes: [String], at now: Instant) -> [CaseSummary] {
        let candidates = prefixes.allSatisfy(index.sourcePrefixes.contains) ? index.sourcesByGrid[state.grid] ?? [] : byGrid[state.grid] ?? []
        return candidates.filter { r in
            (scope == .grid || r.building == state.building) && r.reportedAt <= now && (r.endedAt.map { $0 > now } ?? true)
                && prefixes.contains { r.category.hasPrefix($0) }
        }.map(Self.summary)
    }

    static func summary(_ r: ReplayCaseRow) -> CaseSummary {
        CaseSummary(id: r.id, code: r.code, category: r.category, grid: r.grid, building: r.building, severity: r.severity,
                    status: r.status, reportedAt: r.reportedAt)
    }
}

/// The period's cases by grid and the duplicates linked to each primary, built once and
/// shared (read-only) by the replay's threads.
final class HistoryIndex: Sendable {
    /// Each grid's cases, sorted by report time, and those times for binary searches.
    let byGrid: [String: [ReplayCaseRow]]
    let gridTimes: [String: [Instant]]
    /// Each grid's cases whose category starts with an inhibition's source prefix.
    let sourcesByGrid: [String: [ReplayCaseRow]]
    let sourcePrefixes: Set<String>
    let links: [String: [Instant]]
    let reportTimes: ReportTimesIndex

    init(rows: [ReplayCaseRow], repeatKinds: Set<ReportTimesIndex.PlaceKind>, sourcePrefixes: Set<String>) {
        var grids: [String: [ReplayCaseRow]] = [:]
        var sources: [String: [ReplayCaseRow]] = [:]
        var links: [String: [Instant]] = [:]
        for r in rows {
            grids[r.grid, default: []].append(r)
            if sourcePrefixes.contains(where: { r.category.hasPrefix($0) }) { sources[r.grid, default: []].append(r) }
            if r.status == .merged, let primary = r.duplicateOf { links[primary, default: []].append(r.lastAt) }
        }
        byGrid = grids.mapValues { $0.sorted { ($0.reportedAt, $0.id) < ($1.reportedAt, $1.id) } }
        gridTimes = byGrid.mapValues { $0.map(\.reportedAt) }
        sourcesByGrid = sources
        self.sourcePrefixes = sourcePrefixes
        self.links = links
        reportTimes = ReportTimesIndex(
            places: rows.filter { $0.status != .merged }.map { ($0.grid, $0.building, $0.category, $0.reportedAt) }, kinds: repeatKinds)
    }
}
