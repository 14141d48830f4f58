import WanggeCore

/// What assessment needs to know about one case, folded from its events (`CaseFacts+Fold`).
///
/// Every timed stage of the loop is a *round*: a dispatch round runs from the report (or
/// a send-back, escalation or reopening) to the dispatch, a handling round from the
/// dispatch (or a failed check) to the feedback, a verification round from the feedback
/// to the check. A round is judged against the deadline the events recorded for it
/// (extensions and suspensions included): finished by its deadline is *on time*; finished
/// after it, ended some other way after it (sent back, escalated, merged...), or still
/// open when its deadline has passed is *late*. A round that ends some other way before
/// its deadline is not judged. Only the open round depends on the time of judgement, so
/// it is kept apart (`open`) and judged by whoever reads the facts.
public struct CaseFacts: Hashable, Sendable {
    public var caseID: Int64
    public var reportedAt: Instant
    public var grid: String
    /// The login that reported the case (a grid worker for patrol reports).
    public var reporter: String
    public var source: CaseSource

    /// The state of the loop at the end of the folded history.
    public var status: CaseStatus
    /// When the case was closed, while it is closed or archived (a reopening clears it).
    public var closedAt: Instant?
    /// Closed while still at grid level (小事不出网格).
    public var closedAtGridLevel: Bool
    /// The current evaluation (a reopening clears it).
    public var satisfaction: Satisfaction?
    /// Rounds of any stage that ended after their deadline.
    public var lateRounds: Int
    public var dispatchInTime: Int
    public var dispatchLate: Int
    /// For hotline cases: whether the first dispatch round was answered (dispatched or
    /// declined) in time. nil for other sources.
    public var hotlineResponse: HotlineResponse?
    /// The round still running at the end of the history, judged when read.
    public var open: OpenRound?
    /// One tally per handler the case was dispatched to, in order of their latest
    /// dispatch: the last one is the case's latest handler.
    public var handlers: [HandlerTally]

    public init(
        caseID: Int64, reportedAt: Instant, grid: String, reporter: String, source: CaseSource,
        status: CaseStatus = .reported, closedAt: Instant? = nil, closedAtGridLevel: Bool = false,
        satisfaction: Satisfaction? = nil, lateRounds: Int = 0, dispatchInTime: Int = 0, dispatchLate: Int = 0,
        hotlineResponse: HotlineResponse? = nil, open: OpenRound? = nil, handlers: [HandlerTally] = []
    ) {
        self.caseID = caseID; self.reportedAt = reportedAt; self.grid = grid; self.reporter = reporter
        self.source = source; self.status = status; self.closedAt = closedAt; self.closedAtGridLevel = closedAtGridLevel
        self.satisfaction = satisfaction; self.lateRounds = lateRounds; self.dispatchInTime = dispatchInTime
        self.dispatchLate = dispatchLate; self.hotlineResponse = hotlineResponse; self.open = open; self.handlers = handlers
    }

    /// The handler the case was last dispatched to.
    public var latestHandler: Handler? { handlers.last?.handler }

    /// Filed cases (受理) are the ones the loop owes an answer: not declined, not merged
    /// into another case.
    public var isFiled: Bool { status != .declined && status != .merged }

    public var isClosed: Bool { closedAt != nil }

    /// Complaints (成诉) are reports raised by residents (the 12345 hotline, walk-ins),
    /// not found by workers; a duplicate merged into another case is the same complaint.
    public var isComplaint: Bool { (source == .hotline || source == .walkIn) && status != .merged }

    /// Whether the open round is late at `instant`.
    public func openRoundLate(at instant: Instant) -> Bool { open?.isLate(at: instant) ?? false }

    /// Late as of `instant`: some round ended late, or the open one is past its deadline.
    public func isLate(at instant: Instant) -> Bool { lateRounds > 0 || openRoundLate(at: instant) }
}

/// The round running at the end of a history.
public struct OpenRound: Hashable, Sendable {
    public var stage: Stage
    public var due: Instant
    /// A suspended round is never late while the suspension lasts (its deadline moved with it).
    public var suspendedUntil: Instant?

    public init(stage: Stage, due: Instant, suspendedUntil: Instant? = nil) {
        self.stage = stage; self.due = due; self.suspendedUntil = suspendedUntil
    }

    /// The same rule as `CaseState.isOverdue`.
    public func isLate(at instant: Instant) -> Bool {
        if let until = suspendedUntil, instant < until { return false }
        return instant > due
    }
}

/// The answer to a hotline case's first dispatch round (响应).
public enum HotlineResponse: Int, Hashable, Sendable {
    /// Not answered yet: judged by the open dispatch round.
    case pending = 0
    case inTime = 1
    case late = 2
}

/// What one handler did on a case: the handling rounds, checks and evaluations of their work.
public struct HandlerTally: Hashable, Sendable {
    public var handler: Handler
    public var dispatches: Int
    public var sendBacks: Int
    public var handledOnTime: Int
    public var handledLate: Int
    public var checksPassed: Int
    public var checksFailed: Int
    /// Gave feedback at least once.
    public var fedBack: Bool
    /// Their feedback failed a check at least once (返工).
    public var reworked: Bool
    public var evaluations: Int
    /// Evaluations of 满意 or 基本满意.
    public var satisfied: Int

    public init(
        handler: Handler, dispatches: Int = 0, sendBacks: Int = 0, handledOnTime: Int = 0, handledLate: Int = 0,
        checksPassed: Int = 0, checksFailed: Int = 0, fedBack: Bool = false, reworked: Bool = false,
        evaluations: Int = 0, satisfied: Int = 0
    ) {
        self.handler = handler; self.dispatches = dispatches; self.sendBacks = sendBacks
        self.handledOnTime = handledOnTime; self.handledLate = handledLate; self.checksPassed = checksPassed
        self.checksFailed = checksFailed; self.fedBack = fedBack; self.reworked = reworked
        self.evaluations = evaluations; self.satisfied = satisfied
    }
}
