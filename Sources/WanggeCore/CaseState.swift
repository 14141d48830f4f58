/// A department summoned to a case (吹哨报到) and whether it has reported in.
public struct Summons: Hashable, Codable, Sendable {
    public var unit: String
    public var dueAt: Instant
    public var summonedAt: Instant
    public var reportedInAt: Instant?
    public var reportedInBy: String?

    public init(unit: String, dueAt: Instant, summonedAt: Instant, reportedInAt: Instant? = nil, reportedInBy: String? = nil) {
        self.unit = unit; self.dueAt = dueAt; self.summonedAt = summonedAt
        self.reportedInAt = reportedInAt; self.reportedInBy = reportedInBy
    }
}

/// The latest change to a case, remembered so a refusal can say who moved it and when.
public struct LastChange: Hashable, Codable, Sendable {
    public var kind: EventBody.Kind
    public var actor: String
    public var at: Instant

    public init(kind: EventBody.Kind, actor: String, at: Instant) {
        self.kind = kind; self.actor = actor; self.at = at
    }
}

/// The current state of one case: a pure fold of its events (`apply`). The store keeps
/// it as a projection and can always rebuild it from the log.
public struct CaseState: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var title: String
    public var description: String
    public var category: String
    public var grid: String
    public var building: String?
    public var source: CaseSource
    public var sourceRef: String?
    public var severity: Severity
    public var level: Level
    public var status: CaseStatus
    public var reporter: String
    public var reportedAt: Instant

    public var handler: Handler?
    public var dispatchedAt: Instant?
    public var dispatchedBy: String?
    /// The clock of the current stage; nil when nothing is timed (evaluation, closed...).
    public var clock: CaseClock?
    /// The current stage's deadline as decided by the last clock-changing event.
    public var dueAt: Instant?
    /// The handling deadline of the latest handling round, kept for assessment.
    public var handlingDueAt: Instant?
    public var handledAt: Instant?
    public var pendingExtension: String?
    public var extensionCount: Int
    public var suspendedUntil: Instant?
    public var reworkCount: Int
    public var sendBackCount: Int
    public var supervisionCount: Int
    public var satisfaction: Satisfaction?
    public var closedAt: Instant?
    public var duplicateOf: String?
    public var summons: [Summons]
    public var version: Int
    public var lastChange: LastChange

    /// A case that was just reported (version 1).
    public init(id: Int64, reported r: Reported, actor: String, at: Instant) {
        self.id = id
        code = r.code; title = r.title; description = r.description; category = r.category
        grid = r.grid; building = r.building; source = r.source; sourceRef = r.sourceRef
        severity = r.severity; level = r.level; status = .reported
        reporter = actor; reportedAt = at
        clock = CaseClock(stage: .dispatch, start: at, limit: r.dispatchLimit)
        dueAt = r.dueAt
        extensionCount = 0; reworkCount = 0; sendBackCount = 0; supervisionCount = 0
        summons = []
        version = 1
        lastChange = LastChange(kind: .reported, actor: actor, at: at)
    }

    /// Folds a whole history; nil when the first event is not a report.
    public static func fold(_ events: [CaseEvent]) -> CaseState? {
        guard let first = events.first, case .reported(let r) = first.body else { return nil }
        var state = CaseState(id: first.caseID, reported: r, actor: first.actor, at: first.at)
        for event in events.dropFirst() { state.apply(event) }
        return state
    }

    /// Whether the current stage's deadline has passed at `now` (a suspended case is
    /// never overdue while the suspension lasts: its deadline moved with it).
    public func isOverdue(at now: Instant) -> Bool {
        guard status.isOpen, let dueAt else { return false }
        if let until = suspendedUntil, now < until { return false }
        return now > dueAt
    }

    public func isSuspended(at now: Instant) -> Bool {
        guard let until = suspendedUntil else { return false }
        return now < until
    }

    /// Applies one event. Decisions were taken by `CaseDecider`; this only records them.
    public mutating func apply(_ event: CaseEvent) {
        let at = event.at
        switch event.body {
        case .reported: break
        case .accepted: status = .accepted
        case .declined: status = .declined; clock = nil; dueAt = nil
        case let .dispatched(handler, limit, due, _):
            status = .dispatched
            self.handler = handler
            dispatchedAt = at; dispatchedBy = event.actor
            clock = CaseClock(stage: .handling, start: at, limit: limit)
            lastHandlingLimit = limit
            dueAt = due; handlingDueAt = due
            extensionCount = 0; pendingExtension = nil; suspendedUntil = nil
        case .handlerAccepted: status = .inProgress
        case let .sentBack(_, limit, due):
            status = .accepted
            handler = nil
            sendBackCount += 1
            clock = CaseClock(stage: .dispatch, start: at, limit: limit)
            dueAt = due; pendingExtension = nil; suspendedUntil = nil
        case let .feedback(_, limit, due):
            status = .handled
            handledAt = at
            clock = CaseClock(stage: .verification, start: at, limit: limit)
            dueAt = due; pendingExtension = nil; suspendedUntil = nil
        case .verificationPassed: status = .verified; clock = nil; dueAt = nil
        case let .verificationFailed(_, limit, due):
            status = .inProgress
            reworkCount += 1
            handledAt = nil
            clock = CaseClock(stage: .handling, start: at, limit: limit)
            dueAt = due; handlingDueAt = due; extensionCount = 0
        case .evaluated(let s, _): status = .evaluated; satisfaction = s
        case .closed: status = .closed; closedAt = at; clock = nil; dueAt = nil
        case .archived: status = .archived
        case .extensionRequested(let reason): pendingExtension = reason
        case let .extensionDecided(approved, _, due):
            pendingExtension = nil
            if approved, let due {
                extensionCount += 1
                clock?.extensions += 1
                dueAt = due
                if clock?.stage == .handling { handlingDueAt = due }
            }
        case let .suspended(_, until, due):
            suspendedUntil = until
            clock?.suspensions.append(TimeSpan(start: at, end: until))
            dueAt = due
            if clock?.stage == .handling { handlingDueAt = due }
        case .resumed(let due):
            suspendedUntil = nil
            if var c = clock, let last = c.suspensions.indices.last {
                c.suspensions[last].end = at
                clock = c
            }
            dueAt = due
            if clock?.stage == .handling { handlingDueAt = due }
        case .supervised: supervisionCount += 1
        case let .summoned(entries, _):
            for e in entries where !summons.contains(where: { $0.unit == e.unit && $0.reportedInAt == nil }) {
                summons.append(Summons(unit: e.unit, dueAt: e.dueAt, summonedAt: at))
            }
        case let .reportedIn(unit, _):
            if let i = summons.lastIndex(where: { $0.unit == unit && $0.reportedInAt == nil }) {
                summons[i].reportedInAt = at
                summons[i].reportedInBy = event.actor
            }
        case .linkedDuplicate(let primary):
            status = .merged; duplicateOf = primary; clock = nil; dueAt = nil
        case let .reopened(_, limit, due):
            status = .accepted
            handler = nil; closedAt = nil; satisfaction = nil
            clock = CaseClock(stage: .dispatch, start: at, limit: limit)
            dueAt = due
        case let .escalated(_, to, _, _, limit, due):
            level = to
            if status == .reported || status == .dispatched || status == .inProgress || status == .accepted {
                status = .accepted
                handler = nil
                clock = CaseClock(stage: .dispatch, start: at, limit: limit)
                dueAt = due; suspendedUntil = nil; pendingExtension = nil
            }
        case .commented: break
        case .severityRaised(_, let to, _, _): severity = max(severity, to)
        case .agendaListed, .notified, .meetingDecided: break
        }
        version = event.version
        lastChange = LastChange(kind: event.body.kind, actor: event.actor, at: at)
    }

    /// The limit given at the last dispatch; a rework round gets the same limit.
    public var lastHandlingLimit: TimeLimit?
}
