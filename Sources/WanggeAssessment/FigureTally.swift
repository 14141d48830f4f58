import WanggeCore

/// The counts behind every figure for one group (a grid, a worker, a department...).
/// Figures are ratios of these counts (`Figure`), so each can be explained as
/// "numerator / denominator" and recounted by hand.
public struct FigureTally: Hashable, Sendable {
    // Cases reported in the period (the cohort), judged at the time of judgement.
    public var reported = 0
    public var filed = 0
    public var closed = 0
    public var closedOnTime = 0
    /// Open cases already late: a round ended late or the running one is past its deadline.
    public var openLate = 0
    public var closedAtGridLevel = 0
    /// Working seconds from report to closing, one per closed case.
    public var closeSeconds: [Int64] = []
    public var complaints = 0
    public var dispatchInTime = 0
    public var dispatchLate = 0
    public var hotlineAnsweredInTime = 0
    public var hotlineAnsweredLate = 0
    public var hotlineFiled = 0
    public var hotlineResolved = 0

    // Per handler.
    public var handledOnTime = 0
    public var handledLate = 0
    public var dispatches = 0
    public var sendBacks = 0
    public var checksPassed = 0
    public var checksFailed = 0
    public var fedBack = 0
    public var reworked = 0
    public var evaluations = 0
    public var satisfied = 0

    // Routine work (五查三问) recorded in the period.
    public var routineEntries = 0
    public var routineFindings = 0
    public var routineCases = 0

    /// Residents of the group's grids (place groups only), for complaints per 10,000.
    public var residents = 0

    public init() {}

    /// Adds a case's own figures (the cohort figures). `closeSeconds` is the working
    /// time from report to closing when the case is closed.
    public mutating func addCase(_ f: CaseFacts, judgedAt instant: Instant, closeSeconds seconds: Int64?) {
        reported += 1
        if f.isFiled { filed += 1 }
        let openLateNow = f.openRoundLate(at: instant)
        if f.isClosed {
            closed += 1
            if f.lateRounds == 0 { closedOnTime += 1 }
            if f.closedAtGridLevel { closedAtGridLevel += 1 }
            if let seconds { closeSeconds.append(seconds) }
        } else if f.status.isOpen, f.lateRounds > 0 || openLateNow {
            openLate += 1
        }
        if f.isComplaint { complaints += 1 }
        dispatchInTime += f.dispatchInTime
        dispatchLate += f.dispatchLate
        if f.open?.stage == .dispatch, openLateNow { dispatchLate += 1 }
        if let response = f.hotlineResponse {
            switch response {
            case .inTime: hotlineAnsweredInTime += 1
            case .late: hotlineAnsweredLate += 1
            case .pending: if openLateNow { hotlineAnsweredLate += 1 }
            }
            if f.isFiled {
                hotlineFiled += 1
                if f.isClosed, f.satisfaction != .dissatisfied { hotlineResolved += 1 }
            }
        }
    }

    /// Adds one handler's work on a case. The running handling round belongs to the
    /// case's latest handler and counts late once past its deadline.
    public mutating func addHandler(_ t: HandlerTally, of f: CaseFacts, judgedAt instant: Instant) {
        dispatches += t.dispatches
        sendBacks += t.sendBacks
        handledOnTime += t.handledOnTime
        handledLate += t.handledLate
        if f.latestHandler == t.handler, f.open?.stage == .handling, f.openRoundLate(at: instant) { handledLate += 1 }
        checksPassed += t.checksPassed
        checksFailed += t.checksFailed
        if t.fedBack { fedBack += 1 }
        if t.reworked { reworked += 1 }
        evaluations += t.evaluations
        satisfied += t.satisfied
    }

    public mutating func addRoutine(findings: Int, cases: Int) {
        routineEntries += 1
        routineFindings += findings
        routineCases += cases
    }

    /// Adds another group's counts (totals, roll-ups).
    public mutating func merge(_ o: FigureTally) {
        reported += o.reported; filed += o.filed; closed += o.closed; closedOnTime += o.closedOnTime
        openLate += o.openLate; closedAtGridLevel += o.closedAtGridLevel; closeSeconds += o.closeSeconds
        complaints += o.complaints; dispatchInTime += o.dispatchInTime; dispatchLate += o.dispatchLate
        hotlineAnsweredInTime += o.hotlineAnsweredInTime; hotlineAnsweredLate += o.hotlineAnsweredLate
        hotlineFiled += o.hotlineFiled; hotlineResolved += o.hotlineResolved
        handledOnTime += o.handledOnTime; handledLate += o.handledLate; dispatches += o.dispatches
        sendBacks += o.sendBacks; checksPassed += o.checksPassed; checksFailed += o.checksFailed
        fedBack += o.fedBack; reworked += o.reworked; evaluations += o.evaluations; satisfied += o.satisfied
        routineEntries += o.routineEntries; routineFindings += o.routineFindings; routineCases += o.routineCases
        residents += o.residents
    }
}
