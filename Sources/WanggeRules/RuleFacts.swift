import WanggeCore

/// A few fields of another case, for duplicates, repeats and inhibitions.
public struct CaseSummary: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var category: String
    public var grid: String
    public var building: String?
    public var severity: Severity
    public var status: CaseStatus
    public var reportedAt: Instant

    public init(id: Int64, code: String, category: String, grid: String, building: String?, severity: Severity,
                status: CaseStatus, reportedAt: Instant) {
        self.id = id; self.code = code; self.category = category; self.grid = grid; self.building = building
        self.severity = severity; self.status = status; self.reportedAt = reportedAt
    }

    public init(_ s: CaseState) {
        self.init(id: s.id, code: s.code, category: s.category, grid: s.grid, building: s.building, severity: s.severity,
                  status: s.status, reportedAt: s.reportedAt)
    }
}

/// What rules need to know about other cases. The engine answers from the store (with
/// a cache per tick), replay from the history it loaded, tests from a list; so the
/// rules stay pure.
public protocol RuleFacts {
    /// Cases linked as duplicates of this one (并案).
    func duplicateCount(of state: CaseState) -> Int
    /// Cases at the same place, of the same kind, reported in `[from, to]` (any status
    /// except merged duplicates), this one included when in range.
    func reports(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> [CaseSummary]
    /// How many of `reports(near:…)` there are, not counting `state` itself.
    func reportCount(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> Int
    /// Open cases at the same place whose category starts with one of `prefixes`.
    func openCases(near state: CaseState, scope: PlaceScope, prefixes: [String], at now: Instant) -> [CaseSummary]
}

extension RuleFacts {
    public func reportCount(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> Int {
        reports(near: state, scope: scope, match: match, from: from, to: to).filter { $0.id != state.id }.count
    }
}

/// Facts for a rule set with no rule that needs other cases, and for tests.
public struct NoFacts: RuleFacts {
    public init() {}
    public func duplicateCount(of state: CaseState) -> Int { 0 }
    public func reports(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> [CaseSummary] { [] }
    public func openCases(near state: CaseState, scope: PlaceScope, prefixes: [String], at now: Instant) -> [CaseSummary] { [] }
}

/// Facts from an in-memory list of cases: tests, and replay of a loaded history.
public struct ListFacts: RuleFacts {
    public var cases: [CaseSummary]
    public var duplicates: [String: Int]

    public init(cases: [CaseSummary], duplicates: [String: Int] = [:]) {
        self.cases = cases; self.duplicates = duplicates
    }

    public func duplicateCount(of state: CaseState) -> Int { duplicates[state.code] ?? 0 }

    static func samePlace(_ c: CaseSummary, _ s: CaseState, _ scope: PlaceScope) -> Bool {
        c.grid == s.grid && (scope == .grid || (s.building != nil && c.building == s.building))
    }

    public func reports(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> [CaseSummary] {
        cases.filter {
            Self.samePlace($0, state, scope) && match.same($0.category, state.category) && $0.reportedAt >= from
                && $0.reportedAt <= to && $0.status != .merged
        }
    }

    public func openCases(near state: CaseState, scope: PlaceScope, prefixes: [String], at now: Instant) -> [CaseSummary] {
        cases.filter { c in
            Self.samePlace(c, state, scope) && c.status.isOpen && c.reportedAt <= now && prefixes.contains { c.category.hasPrefix($0) }
        }
    }
}

/// One repeated-reports question about a case: reports of the same kind at the same
/// place in `[from, to]` (see `RuleFacts.reportCount`).
public struct RepeatQuestion: Hashable, Sendable {
    public var scope: PlaceScope
    public var match: KindMatch
    public var from: Instant
    public var to: Instant

    public init(scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) {
        self.scope = scope; self.match = match; self.from = from; self.to = to
    }
}
