/// Turns a historic case into the events the loop would have written, at the source's
/// times: reported when the source received it, accepted and dispatched when it was
/// dispatched, closed when it was closed. Every step that the loop allows is decided by
/// `CaseDecider` (so limits, deadlines and permissions are the live ones) acting as
/// `Person.importer`; the overdue verdict of an imported case is therefore computed
/// exactly as for a live one. A source's own deadline replaces the one the category
/// gives. A source that closed a case without recording feedback, verification and
/// evaluation gets a `closed` event straight after the dispatch: the log does not
/// invent steps the source never took.
public struct HistoricTimeline: Sendable {
    public let decider: CaseDecider

    public init(decider: CaseDecider) { self.decider = decider }

    private var context: DomainContext { decider.context }

    /// The events of case `id` with code `code`, versions 1...n, and the state they fold to.
    public func events(for h: HistoricCase, id: Int64, code: String) throws(HistoricProblem) -> (events: [CaseEvent], state: CaseState) {
        try checkOrder(h)
        var reported: Reported
        do {
            reported = try decider.report(h.report, by: .importer, at: h.reportedAt)
        } catch {
            throw HistoricProblem(field(for: error, default: .title), error.message)
        }
        reported.code = code
        if let level = h.level { reported.level = level }
        if h.status == .reported || h.status == .accepted, let due = h.dueAt { reported.dueAt = due }
        var state = CaseState(id: id, reported: reported, actor: Person.importer.login, at: h.reportedAt)
        var events = [CaseEvent(caseID: id, version: 1, actor: Person.importer.login, at: h.reportedAt, body: .reported(reported))]

        func record(_ bodies: [EventBody], by actor: Person, at: Instant) {
            for body in bodies {
                let event = CaseEvent(caseID: id, version: state.version + 1, actor: actor.login, at: at, body: body)
                state.apply(event)
                events.append(event)
            }
        }
        func step(_ command: CaseCommand, by actor: Person = .importer, at: Instant, field: HistoricField) throws(HistoricProblem) {
            do {
                record(try decider.decide(command, on: state, by: actor, at: at), by: actor, at: at)
            } catch {
                throw HistoricProblem(field, error.message)
            }
        }

        let dispatchedAt = h.dispatchedAt ?? h.reportedAt
        switch h.status {
        case .reported:
            return (events, state)
        case .declined:
            try step(.decline(reason: "来源系统不予受理"), at: h.closedAt ?? dispatchedAt, field: .status)
            return (events, state)
        case .merged:
            guard let primary = h.duplicateOf?.trimmingSpaces(), !primary.isEmpty else {
                throw HistoricProblem(.duplicateOf, "已并案的案件须写明主案件编号")
            }
            try step(.linkDuplicate(primary: primary), at: h.closedAt ?? dispatchedAt, field: .duplicateOf)
            return (events, state)
        case .accepted:
            try step(.accept(note: nil), at: dispatchedAt, field: .status)
            return (events, state)
        default:
            break
        }

        guard let handler = h.handler else { throw HistoricProblem(.handler, "「\(h.status.chineseName)」的案件须有承办人或承办单位") }
        let handlingDue = h.handlingDueAt ?? (h.status == .handled || h.status == .verified || h.status == .evaluated ? nil : h.dueAt)
        try step(.dispatch(handler: handler, limit: try sourceLimit(from: dispatchedAt, to: handlingDue), note: nil),
                 at: dispatchedAt, field: .handler)
        if let handlingDue { overrideDue(&events, &state, handlingDue) }
        let handlerActor = actor(for: handler)

        switch h.status {
        case .dispatched:
            return (events, state)
        case .inProgress:
            try step(.handlerAccept, by: handlerActor, at: dispatchedAt, field: .status)
            return (events, state)
        default:
            break
        }

        // The source closed it without the rest of the loop: record exactly that.
        if (h.status == .closed || h.status == .archived) && (h.handledAt == nil || h.satisfaction == nil) {
            guard let closedAt = h.closedAt else { throw HistoricProblem(.closedAt, "「\(h.status.chineseName)」的案件须有办结时间") }
            if let handledAt = h.handledAt {
                try step(.feedback(text: "来源系统记录的处置完成"), by: handlerActor, at: handledAt, field: .handledAt)
            }
            record([.closed(note: "来源系统记录的办结")], by: .importer, at: closedAt)
            if h.status == .archived { try step(.archive, at: closedAt, field: .status) }
            return (events, state)
        }

        guard let handledAt = h.handledAt ?? h.closedAt else {
            throw HistoricProblem(.handledAt, "「\(h.status.chineseName)」的案件须有处置完成时间")
        }
        try step(.feedback(text: "来源系统记录的处置完成"), by: handlerActor, at: handledAt, field: .handledAt)
        if h.status == .handled {
            if let due = h.dueAt { overrideDue(&events, &state, due) }
            return (events, state)
        }
        try step(.verify(passed: true, note: "来源系统记录的核查通过"), at: handledAt, field: .status)
        if h.status == .verified { return (events, state) }
        guard let satisfaction = h.satisfaction else { throw HistoricProblem(.satisfaction, "「\(h.status.chineseName)」的案件须有满意度") }
        let evaluatedAt = h.closedAt ?? handledAt
        try step(.evaluate(satisfaction, note: nil), at: evaluatedAt, field: .satisfaction)
        if h.status == .evaluated { return (events, state) }
        guard let closedAt = h.closedAt else { throw HistoricProblem(.closedAt, "「\(h.status.chineseName)」的案件须有办结时间") }
        try step(.close(note: nil), at: closedAt, field: .closedAt)
        if h.status == .archived { try step(.archive, at: closedAt, field: .status) }
        return (events, state)
    }

    /// The events of `h` worked out before its id and code are known, so that an import
    /// can build them on its reading thread; `renumbered` gives them the id and code.
    /// Nil when that cannot be done ahead: a refused step (its message names the code) or
    /// a merged case (refused when it names itself), which are then built by `events`.
    public func draft(for h: HistoricCase) -> (events: [CaseEvent], state: CaseState)? {
        guard h.status != .merged else { return nil }
        return try? events(for: h, id: 0, code: "")
    }

    /// A `draft` as case `id` with code `code`: equal to what `events(for:id:code:)` gives
    /// (no decision depends on the id, and on the code only for a merged case).
    public static func renumbered(_ draft: (events: [CaseEvent], state: CaseState), id: Int64, code: String)
        -> (events: [CaseEvent], state: CaseState)
    {
        var (events, state) = draft
        for i in events.indices { events[i].caseID = id }
        if let first = events.first, case .reported(var reported) = first.body {
            reported.code = code
            events[0].body = .reported(reported)
        }
        state.id = id
        state.code = code
        return (events, state)
    }

    /// Times must follow the loop: nothing before the report, nothing closed before it
    /// was handled.
    func checkOrder(_ h: HistoricCase) throws(HistoricProblem) {
        let start = h.reportedAt
        let cal = context.calendar
        func text(_ i: Instant) -> String { cal.civil(i).formatted() }
        if let d = h.dispatchedAt, d < start {
            throw HistoricProblem(.dispatchedAt, "派遣时间 \(text(d)) 早于受理时间 \(text(start))")
        }
        let dispatched = h.dispatchedAt ?? start
        if let d = h.handledAt, d < dispatched {
            throw HistoricProblem(.handledAt, "处置完成时间 \(text(d)) 早于\(h.dispatchedAt == nil ? "受理" : "派遣")时间 \(text(dispatched))")
        }
        if let c = h.closedAt {
            if c < start { throw HistoricProblem(.closedAt, "办结时间 \(text(c)) 早于受理时间 \(text(start))") }
            if h.status.needsHandler, c < dispatched { throw HistoricProblem(.closedAt, "办结时间 \(text(c)) 早于派遣时间 \(text(dispatched))") }
            if let handled = h.handledAt, c < handled {
                throw HistoricProblem(.closedAt, "办结时间 \(text(c)) 早于处置完成时间 \(text(handled))")
            }
        }
        if let due = h.dueAt, due <= start {
            throw HistoricProblem(.dueAt, "办理时限 \(text(due)) 不晚于受理时间 \(text(start))")
        }
        if let due = h.handlingDueAt, due <= dispatched {
            throw HistoricProblem(.handlingDueAt, "处置时限 \(text(due)) 不晚于派遣时间 \(text(dispatched))")
        }
        if h.status.needsClosedAt && h.closedAt == nil {
            throw HistoricProblem(.closedAt, "「\(h.status.chineseName)」的案件须有办结时间")
        }
    }

    /// The limit a source deadline amounts to: the span in urgent hours, rounded up, so
    /// that an extension adds what the source allowed. The deadline itself is kept exact.
    func sourceLimit(from start: Instant, to due: Instant?) throws(HistoricProblem) -> TimeLimit? {
        guard let due else { return nil }
        guard due > start else {
            throw HistoricProblem(.dueAt, "办理时限 \(context.calendar.civil(due).formatted()) 不晚于派遣时间 \(context.calendar.civil(start).formatted())")
        }
        return TimeLimit(amount: Int((due - start + 3599) / 3600), clock: .urgentHours)
    }

    /// Replaces the deadline of the last clock-setting event with the source's own.
    private func overrideDue(_ events: inout [CaseEvent], _ state: inout CaseState, _ due: Instant) {
        guard let last = events.indices.last else { return }
        switch events[last].body {
        case let .dispatched(handler, limit, _, note):
            events[last].body = .dispatched(handler: handler, limit: limit, dueAt: due, note: note)
        case let .feedback(text, limit, _):
            events[last].body = .feedback(text: text, limit: limit, dueAt: due)
        default:
            return
        }
        guard let rebuilt = CaseState.fold(events) else { return }
        state = rebuilt
    }

    /// Who takes the handler's steps: the person dispatched to, or for a unit the
    /// importer acting as that unit's liaison.
    private func actor(for handler: Handler) -> Person {
        switch handler {
        case .person(let login): context.organisation.person(login) ?? .importer
        case .unit(let unit): Person(login: Person.importer.login, name: Person.importer.name, role: .liaison, scope: .unit(unit))
        }
    }

    private func field(for refusal: Refusal, default fallback: HistoricField) -> HistoricField {
        let m = refusal.message
        if m.contains("分类") { return .category }
        if m.contains("楼栋") { return .building }
        if m.contains("网格") { return .grid }
        if m.contains("承办") { return .handler }
        return fallback
    }
}

extension HistoricStatus {
    public var chineseName: String {
        switch self {
        case .reported: CaseStatus.reported.chineseName
        case .accepted: CaseStatus.accepted.chineseName
        case .dispatched: CaseStatus.dispatched.chineseName
        case .inProgress: CaseStatus.inProgress.chineseName
        case .handled: CaseStatus.handled.chineseName
        case .verified: CaseStatus.verified.chineseName
        case .evaluated: CaseStatus.evaluated.chineseName
        case .closed: CaseStatus.closed.chineseName
        case .archived: CaseStatus.archived.chineseName
        case .declined: CaseStatus.declined.chineseName
        case .merged: CaseStatus.merged.chineseName
        }
    }
}
