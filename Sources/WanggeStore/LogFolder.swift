import WanggeAssessment
import WanggeCore

/// One case folded from the log: its state and its assessment facts.
struct FoldedCase {
    var state: CaseState
    var facts: CaseFacts
}

/// Folds a stream of events ordered by case and version into cases, one case in memory
/// at a time: the rebuild, the check, the facts backfill and the as-of replay all read
/// the log through it, so they fold it the same way.
struct LogFolder {
    /// How a gap in a case's versions is taken: a problem (check, rebuild), or the end of
    /// what is known about the case (the as-of replay reads only events up to a time, so a
    /// later version recorded with an earlier time ends the case there).
    enum Gaps { case problem, endOfCase }

    let gaps: Gaps
    private var current: FoldedCase?
    private var stopped: Int64?

    init(gaps: Gaps) { self.gaps = gaps }

    typealias Emit = (Result<FoldedCase, IntegrityReport.Problem>) throws -> Void

    mutating func feed(_ event: CaseEvent, _ emit: Emit) throws {
        if let c = current, c.state.id != event.caseID {
            try emit(.success(c))
            current = nil
        }
        if stopped == event.caseID { return }
        if var c = current {
            guard event.version == c.state.version + 1 else {
                if gaps == .problem {
                    try emit(.failure(.versionGap(caseID: event.caseID, expected: c.state.version + 1, found: event.version)))
                    current = nil
                } else {
                    try emit(.success(c))
                    current = nil
                }
                stopped = event.caseID
                return
            }
            let before = c.state
            c.state.apply(event)
            c.facts.apply(event, before: before, after: c.state)
            current = c
        } else {
            guard event.version == 1, case .reported(let r) = event.body else {
                if gaps == .problem { try emit(.failure(.versionGap(caseID: event.caseID, expected: 1, found: event.version))) }
                stopped = event.caseID
                return
            }
            let state = CaseState(id: event.caseID, reported: r, actor: event.actor, at: event.at)
            current = FoldedCase(state: state, facts: CaseFacts(reported: state))
        }
    }

    /// Marks a case whose events could not be read: nothing more is folded for it (what
    /// was folded before the unreadable event is still given, to be compared).
    mutating func skip(caseID: Int64) {
        stopped = caseID
    }

    mutating func finish(_ emit: Emit) throws {
        if let c = current { try emit(.success(c)) }
        current = nil
    }
}
