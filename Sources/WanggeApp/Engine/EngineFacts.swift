import WanggeCore
import WanggeRules
import WanggeStore

/// Answers the rules' questions about other cases from one read snapshot of the store:
/// each question is an index range (place, building, duplicate indexes). Open
/// emergencies per grid are cached, since many cases of a grid ask the same.
final class StoreFacts: RuleFacts {
    let session: EngineReadSession
    private var openCache: [String: [CaseSummary]] = [:]
    /// The first store error met; the caller throws it after the evaluation.
    private(set) var error: (any Error)?

    /// Repeated-report counts in memory, during a full re-evaluation.
    let reportTimes: ReportTimesIndex?

    /// `duplicates`: every case's linked-duplicate count read up front (a full
    /// re-evaluation), so no batch asks the database for them.
    init(session: EngineReadSession, reportTimes: ReportTimesIndex? = nil, duplicates: [String: Int]? = nil) {
        self.session = session
        self.reportTimes = reportTimes
        self.duplicates = duplicates
    }

    /// Throws the first store error met while answering.
    func check() throws { if let error { throw error } }

    private func guarded<T>(_ fallback: T, _ body: () throws -> T) -> T {
        do { return try body() } catch {
            if self.error == nil { self.error = error }
            return fallback
        }
    }

    private var duplicates: [String: Int]?

    /// Reads the duplicate counts of a batch in a few queries instead of one per case
    /// (nothing when they were given whole).
    func prefetchDuplicates(of codes: [String]) {
        guard duplicates == nil else { return }
        duplicates = guarded(nil) { try session.duplicateCounts(of: codes) }
    }

    func duplicateCount(of state: CaseState) -> Int {
        if let duplicates { return duplicates[state.code] ?? 0 }
        return guarded(0) { try session.duplicateCount(of: state.code) }
    }

    private var repeatCounts: [String: Int] = [:]

    static func repeatKey(_ id: Int64, _ q: RepeatQuestion) -> String {
        "\(id)|\(q.scope.rawValue)|\(q.match.rawValue)|\(q.from.secondsSinceEpoch)|\(q.to.secondsSinceEpoch)"
    }

    /// Answers the repeated-report questions of a whole batch in a few statements.
    func prefetchRepeats(_ questions: [(state: CaseState, question: RepeatQuestion)]) {
        guard !questions.isEmpty else { return }
        let items = questions.map { item in
            let range = item.question.match.range(of: item.state.category)
            return (id: item.state.id, grid: item.state.grid, building: item.question.scope == .building ? item.state.building : nil,
                    categoryFrom: range.low, categoryTo: range.high, from: item.question.from, to: item.question.to)
        }
        let counts = guarded([Int]()) { try session.reportCounts(items) }
        guard counts.count == questions.count else { return }
        for (item, count) in zip(questions, counts) { repeatCounts[Self.repeatKey(item.state.id, item.question)] = count }
    }

    func reportCount(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> Int {
        if let known = reportTimes?.count(near: state, scope: scope, match: match, from: from, to: to) { return known }
        if let known = repeatCounts[Self.repeatKey(state.id, RepeatQuestion(scope: scope, match: match, from: from, to: to))] {
            return known
        }
        let range = match.range(of: state.category)
        if scope == .building && state.building == nil { return 0 }
        return guarded(0) {
            try session.reportCount(grid: state.grid, building: scope == .building ? state.building : nil, categoryFrom: range.low,
                                    categoryTo: range.high, from: from, to: to, excluding: state.id)
        }
    }

    func reports(near state: CaseState, scope: PlaceScope, match: KindMatch, from: Instant, to: Instant) -> [CaseSummary] {
        let range = match.range(of: state.category)
        return guarded([]) {
            let rows = if scope == .building, let building = state.building {
                try session.casesInBuilding(building, categoryFrom: range.low, categoryTo: range.high, from: from, to: to)
            } else {
                try session.casesAtPlace(grid: state.grid, categoryFrom: range.low, categoryTo: range.high, from: from, to: to)
            }
            return rows.filter { $0.status != .merged && (scope == .grid || $0.building == state.building) }.map(Self.summary)
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
                    try session.openCasesAtPlace(grid: state.grid, categoryFrom: prefix, categoryTo: prefix + "\u{7F}").map(Self.summary)
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
