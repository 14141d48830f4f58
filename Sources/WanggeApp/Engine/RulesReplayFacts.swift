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

    func reports(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> [CaseSummary] {
        (byGrid[state.grid] ?? []).filter { r in
            (scope == .grid || r.building == state.building) && match.same(r.category, state.category)
                && r.reportedAt >= from && r.reportedAt <= to && !(r.status == .merged && (r.endedAt ?? now) <= now)
        }.map(Self.summary)
    }

    func openCases(near state: CaseState, scope: PlaceScope, prefixes: [String], at now: Instant) -> [CaseSummary] {
        (byGrid[state.grid] ?? []).filter { r in
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
    let byGrid: [String: [ReplayCaseRow]]
    let links: [String: [Instant]]

    init(rows: [ReplayCaseRow]) {
        var grids: [String: [ReplayCaseRow]] = [:]
        var links: [String: [Instant]] = [:]
        for r in rows {
            grids[r.grid, default: []].append(r)
            if r.status == .merged, let primary = r.duplicateOf { links[primary, default: []].append(r.lastAt) }
        }
        byGrid = grids
        self.links = links
    }
}
