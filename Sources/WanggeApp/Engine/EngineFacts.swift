import WanggeCore
import WanggeRules
import WanggeStore

/// Answers the rules' questions about other cases from the store: each question is an
/// index range (place index, duplicate index). Open emergencies per grid are cached for
/// one tick, since many cases of a grid ask the same.
final class StoreFacts: RuleFacts {
    let store: SQLiteCaseStore
    private var openCache: [String: [CaseSummary]] = [:]
    /// The first store error met; the runner throws it after the evaluation.
    private(set) var error: (any Error)?

    init(store: SQLiteCaseStore) { self.store = store }

    private func guarded<T>(_ fallback: T, _ body: () throws -> T) -> T {
        do { return try body() } catch {
            if self.error == nil { self.error = error }
            return fallback
        }
    }

    func duplicateCount(of state: CaseState) -> Int {
        guarded(0) { try store.duplicateCount(of: state.code) }
    }

    func reports(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> [CaseSummary] {
        let range = match.range(of: state.category)
        return guarded([]) {
            try store.casesAtPlace(grid: state.grid, categoryFrom: range.low, categoryTo: range.high, from: from, to: to)
                .filter { $0.status != .merged && (scope == .grid || $0.building == state.building) }
                .map(Self.summary)
        }
    }

    func openCases(near state: CaseState, scope: PlaceScope, prefixes: [String], at now: Instant) -> [CaseSummary] {
        var result: [CaseSummary] = []
        for prefix in prefixes {
            let key = state.grid + "\u{1}" + prefix
            let list: [CaseSummary]
            if let cached = openCache[key] {
                list = cached
            } else {
                list = guarded([]) {
                    try store.openCasesAtPlace(grid: state.grid, categoryFrom: prefix, categoryTo: prefix + "\u{7F}").map(Self.summary)
                }
                openCache[key] = list
            }
            result += list.filter { scope == .grid || $0.building == state.building }
        }
        return result
    }

    static func summary(_ r: CasePlaceRow) -> CaseSummary {
        CaseSummary(id: r.id, code: r.code, category: r.category, grid: r.grid, building: r.building, severity: r.severity,
                    status: r.status, reportedAt: r.reportedAt)
    }
}
