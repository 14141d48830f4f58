import WanggeCore
import WanggeRules

/// Report times (sorted) per place and kind, for the repeated-report counts rules ask:
/// a binary search in memory instead of a query per case. Built once for a full
/// re-evaluation and for a replay, from the cases' (grid, building, category, report
/// time), merged duplicates left out.
struct ReportTimesIndex: Sendable {
    /// A scope and kind the rules count repeats over.
    struct PlaceKind: Hashable, Sendable {
        var scope: PlaceScope
        var match: KindMatch
    }

    let kinds: Set<PlaceKind>
    let times: [Key: [Instant]]

    init(places: [(grid: String, building: String?, category: String, reportedAt: Instant)], kinds: Set<PlaceKind>) {
        var times: [Key: [Instant]] = [:]
        for p in places {
            for kind in kinds {
                if let key = Self.key(p.grid, p.building, p.category, kind.scope, kind.match) { times[key, default: []].append(p.reportedAt) }
            }
        }
        self.kinds = kinds
        self.times = times.mapValues { $0.sorted() }
    }

    /// The kinds the rules of `set` count repeats over.
    static func kinds(of set: RuleSet) -> Set<PlaceKind> {
        var kinds: Set<PlaceKind> = []
        for rule in set.rules {
            for c in rule.conditions { if case let .repeats(_, _, scope, match) = c.condition { kinds.insert(PlaceKind(scope: scope, match: match)) } }
        }
        return kinds
    }

    /// A place and kind of report: small strings and two enums, hashed without building
    /// a joined string (the full pass asks once per rule per case).
    struct Key: Hashable, Sendable {
        var scope: PlaceScope
        var match: KindMatch
        var place: String
        var kind: String
    }

    static func key(_ grid: String, _ building: String?, _ category: String, _ scope: PlaceScope, _ match: KindMatch) -> Key? {
        let place: String
        switch scope {
        case .grid: place = grid
        case .building:
            guard let building else { return nil }
            place = building
        }
        return Key(scope: scope, match: match, place: place, kind: match == .category ? category : String(category.prefix(2)))
    }

    /// Reports of `state`'s kind at its place in `[from, to]`, not counting `state`;
    /// nil when this index does not cover the question.
    func count(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> Int? {
        guard kinds.contains(PlaceKind(scope: scope, match: match)) else { return nil }
        guard let key = Self.key(state.grid, state.building, state.category, scope, match) else { return 0 }
        let list = times[key] ?? []
        let n = Self.firstIndex(in: list, notBefore: to + 1) - Self.firstIndex(in: list, notBefore: from)
        let selfInRange = state.status != .merged && state.reportedAt >= from && state.reportedAt <= to ? 1 : 0
        return max(0, n - selfInRange)
    }

    /// The index of the first time not before `t` in sorted `times`.
    static func firstIndex(in times: [Instant], notBefore t: Instant) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
