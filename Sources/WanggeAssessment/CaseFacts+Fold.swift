import WanggeCore

extension CaseFacts {
    /// The facts of a case that has just been reported: its first dispatch round runs.
    public init(reported state: CaseState) {
        self.init(
            caseID: state.id, reportedAt: state.reportedAt, grid: state.grid, reporter: state.reporter,
            source: state.source, status: state.status,
            hotlineResponse: state.source == .hotline ? .pending : nil)
        open = Self.openRound(of: state)
    }

    /// Folds a history (the case's events in version order) as it stood at `asOf`: the
    /// events up to the first one recorded after it. nil when the first event is not a
    /// report or comes after `asOf`. Runs `CaseState` in step, so rounds are exactly the
    /// clocks the loop itself ran.
    public static func fold(_ events: [CaseEvent], asOf: Instant? = nil) -> CaseFacts? {
        guard let first = events.first, case .reported(let r) = first.body else { return nil }
        if let asOf, first.at > asOf { return nil }
        var state = CaseState(id: first.caseID, reported: r, actor: first.actor, at: first.at)
        var facts = CaseFacts(reported: state)
        for event in events.dropFirst() {
            if let asOf, event.at > asOf { break }
            let before = state
            state.apply(event)
            facts.apply(event, before: before, after: state)
        }
        return facts
    }

    /// Event kinds that start a new round even when the clock they set looks like the old one.
    static let roundStarters: Set<EventBody.Kind> = [.dispatched, .sentBack, .feedback, .verificationFailed, .reopened, .escalated]

    /// Applies one event, given the case just before and just after it (`CaseState.apply`).
    /// The store calls this with its projection rows, the streaming replay with the fold
    /// it runs, so both keep the same facts.
    public mutating func apply(_ event: CaseEvent, before: CaseState, after: CaseState) {
        judgeEndedRound(event, before: before, after: after)
        switch event.body {
        case .dispatched(let handler, _, _, _):
            if let i = handlers.firstIndex(where: { $0.handler == handler }) {
                handlers.append(handlers.remove(at: i))
            } else {
                handlers.append(HandlerTally(handler: handler))
            }
            handlers[handlers.count - 1].dispatches += 1
        case .sentBack: tally(before.handler) { $0.sendBacks += 1 }
        case .feedback: tally(before.handler) { $0.fedBack = true }
        case .verificationPassed: tally(before.handler) { $0.checksPassed += 1 }
        case .verificationFailed: tally(before.handler) { $0.checksFailed += 1; $0.reworked = true }
        case .evaluated(let satisfaction, _):
            tally(before.handler) {
                $0.evaluations += 1
                if satisfaction != .dissatisfied { $0.satisfied += 1 }
            }
        case .closed:
            closedAt = event.at
            closedAtGridLevel = after.level == .grid
        case .reopened:
            closedAt = nil
            closedAtGridLevel = false
        default: break
        }
        status = after.status
        satisfaction = after.satisfaction
        open = Self.openRound(of: after)
    }

    /// Judges the round that was running before `event` if the event ended it.
    private mutating func judgeEndedRound(_ event: CaseEvent, before: CaseState, after: CaseState) {
        guard let clock = before.clock, let due = before.dueAt else { return }
        let ended: Bool
        if let next = after.clock {
            ended = next != clock
                && (next.stage != clock.stage || next.start != clock.start || Self.roundStarters.contains(event.body.kind))
        } else {
            ended = true
        }
        guard ended else { return }
        let kind = event.body.kind
        let completed = switch clock.stage {
        case .dispatch: kind == .dispatched
        case .handling: kind == .feedback
        case .verification: kind == .verificationPassed || kind == .verificationFailed
        }
        let late = event.at > due
        if hotlineResponse == .pending { hotlineResponse = late ? .late : .inTime }
        if late { lateRounds += 1 }
        guard completed || late else { return }
        switch clock.stage {
        case .dispatch:
            if late { dispatchLate += 1 } else { dispatchInTime += 1 }
        case .handling:
            tally(before.handler) { if late { $0.handledLate += 1 } else { $0.handledOnTime += 1 } }
        case .verification:
            break
        }
    }

    private mutating func tally(_ handler: Handler?, _ change: (inout HandlerTally) -> Void) {
        guard let handler else { return }
        if let i = handlers.lastIndex(where: { $0.handler == handler }) {
            change(&handlers[i])
        } else {
            var fresh = HandlerTally(handler: handler)
            change(&fresh)
            handlers.insert(fresh, at: 0)
        }
    }

    static func openRound(of state: CaseState) -> OpenRound? {
        guard state.status.isOpen, let clock = state.clock, let due = state.dueAt else { return nil }
        return OpenRound(stage: clock.stage, due: due, suspendedUntil: state.suspendedUntil)
    }
}
