import WanggeCore

/// A deliberately plain recount of the figures straight from the event log, written
/// without the assessment module: a round is found by the event kinds that start and
/// end it and by the deadline each event recorded, not by comparing clocks. The tests
/// hold the real figures to it.
struct NaiveRecount {
    struct Counts: Equatable {
        var reported = 0, filed = 0, closed = 0, closedOnTime = 0, lateOpen = 0
        var dispatchInTime = 0, dispatchLate = 0, handledOnTime = 0, handledLate = 0
        var dispatches = 0, sendBacks = 0, checksPassed = 0, checksFailed = 0
        var evaluations = 0, satisfied = 0, complaints = 0, closedAtGrid = 0
    }

    let now: Instant
    var total = Counts()
    var byGrid: [String: Counts] = [:]
    var byUnit: [String: Counts] = [:]

    init(now: Instant) { self.now = now }

    enum Stage { case dispatch, handling, verification }

    struct Round {
        var stage: Stage
        var due: Instant
        var handler: Handler?
    }

    /// Recounts one case's history (all its events, in order).
    mutating func add(_ events: [CaseEvent]) {
        guard case .reported(let r) = events.first?.body else { return }
        var c = Counts()
        var units: [String: Counts] = [:]
        var state = CaseState(id: events[0].caseID, reported: r, actor: events[0].actor, at: events[0].at)
        var round: Round? = Round(stage: .dispatch, due: r.dueAt, handler: nil)
        var anyLate = false
        var handler: Handler?
        func unit(_ h: Handler?, _ change: (inout Counts) -> Void) {
            if case .unit(let u) = h { change(&units[u, default: Counts()]) }
        }
        /// Ends the running round at `at`; `completed` when the event is its stage's goal.
        func end(at: Instant, completed: Bool) {
            guard let running = round else { return }
            round = nil
            let late = at > running.due
            if late { anyLate = true }
            guard completed || late else { return }
            switch running.stage {
            case .dispatch: if late { c.dispatchLate += 1 } else { c.dispatchInTime += 1 }
            case .handling:
                if late { c.handledLate += 1 } else { c.handledOnTime += 1 }
                unit(running.handler) { if late { $0.handledLate += 1 } else { $0.handledOnTime += 1 } }
            case .verification: break
            }
        }
        for e in events.dropFirst() {
            let statusBefore = state.status
            state.apply(e)
            switch e.body {
            case .dispatched(let h, _, let due, _):
                end(at: e.at, completed: true)
                handler = h
                round = Round(stage: .handling, due: due, handler: h)
                c.dispatches += 1; unit(h) { $0.dispatches += 1 }
            case .declined, .linkedDuplicate, .verificationPassed, .closed:
                end(at: e.at, completed: round?.stage == .verification && e.body.kind == .verificationPassed)
                if case .verificationPassed = e.body { c.checksPassed += 1; unit(handler) { $0.checksPassed += 1 } }
            case .sentBack(_, _, let due):
                end(at: e.at, completed: false)
                c.sendBacks += 1; unit(handler) { $0.sendBacks += 1 }
                handler = nil
                round = Round(stage: .dispatch, due: due)
            case .feedback(_, _, let due):
                end(at: e.at, completed: true)
                round = Round(stage: .verification, due: due, handler: handler)
            case .verificationFailed(_, _, let due):
                end(at: e.at, completed: true)
                c.checksFailed += 1; unit(handler) { $0.checksFailed += 1 }
                round = Round(stage: .handling, due: due, handler: handler)
            case .reopened(_, _, let due):
                handler = nil
                round = Round(stage: .dispatch, due: due)
            case .escalated(_, _, _, _, _, let due):
                if [.reported, .accepted, .dispatched, .inProgress].contains(statusBefore) {
                    end(at: e.at, completed: false)
                    handler = nil
                    round = Round(stage: .dispatch, due: due)
                }
            case .extensionDecided(true, _, let due?): round?.due = due
            case .suspended(_, _, let due), .resumed(let due): round?.due = due
            case .evaluated(let s, _):
                c.evaluations += 1; unit(handler) { $0.evaluations += 1 }
                if s != .dissatisfied { c.satisfied += 1; unit(handler) { $0.satisfied += 1 } }
            default: break
            }
        }
        // The round still running is late once its deadline has passed (not while suspended).
        if let running = round, state.status.isOpen, !state.isSuspended(at: now), now > running.due {
            anyLate = true
            switch running.stage {
            case .dispatch: c.dispatchLate += 1
            case .handling: c.handledLate += 1; unit(running.handler) { $0.handledLate += 1 }
            case .verification: break
            }
        }
        c.reported = 1
        if state.status != .declined && state.status != .merged { c.filed = 1 }
        if state.closedAt != nil {
            c.closed = 1
            if !anyLate { c.closedOnTime = 1 }
            if state.level == .grid { c.closedAtGrid = 1 }
        } else if state.status.isOpen && anyLate {
            c.lateOpen = 1
        }
        if (r.source == .hotline || r.source == .walkIn) && state.status != .merged { c.complaints = 1 }
        total.add(c)
        byGrid[r.grid, default: Counts()].add(c)
        for (u, counts) in units { byUnit[u, default: Counts()].add(counts) }
    }
}

extension NaiveRecount.Counts {
    mutating func add(_ o: Self) {
        reported += o.reported; filed += o.filed; closed += o.closed; closedOnTime += o.closedOnTime; lateOpen += o.lateOpen
        dispatchInTime += o.dispatchInTime; dispatchLate += o.dispatchLate; handledOnTime += o.handledOnTime
        handledLate += o.handledLate; dispatches += o.dispatches; sendBacks += o.sendBacks; checksPassed += o.checksPassed
        checksFailed += o.checksFailed; evaluations += o.evaluations; satisfied += o.satisfied; complaints += o.complaints
        closedAtGrid += o.closedAtGrid
    }
}
