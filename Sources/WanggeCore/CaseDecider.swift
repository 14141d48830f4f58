/// The pure decision function of the loop: (state, command, actor, now) → events, or a
/// refusal a dispatcher can read. Nothing here reads a clock, a file or a database.
public struct CaseDecider: Sendable {
    public let context: DomainContext

    public init(context: DomainContext) { self.context = context }

    private var calendar: WorkCalendar { context.calendar }
    private var organisation: Organisation { context.organisation }

    // MARK: report

    /// Decides a new report. The returned `Reported` has an empty code: the store gives
    /// the code when it assigns the case its row.
    /// The longest note, reason, description or feedback accepted, in characters: a
    /// whole inspection report fits; a pasted log file or a flood does not.
    public static let maxTextLength = 100_000

    static func checkLength(_ texts: [String]) throws(Refusal) {
        for text in texts where text.utf8.count > maxTextLength {
            let count = text.count
            if count > maxTextLength {
                throw Refusal(.invalidInput, "文字过长（\(count) 字，最多 \(maxTextLength) 字）")
            }
        }
    }

    public func report(_ command: ReportCommand, by actor: Person, at now: Instant) throws(Refusal) -> Reported {
        let title = command.title.trimmingSpaces()
        guard !title.isEmpty else { throw Refusal(.invalidInput, "标题不能为空") }
        guard title.count <= 200 else { throw Refusal(.invalidInput, "标题过长（\(title.count) 字，最多 200 字）") }
        try Self.checkLength([command.description, command.sourceRef ?? ""])
        guard let category = context.catalog.category(command.category) else {
            throw Refusal(.invalidInput, "未知的事件分类 \(command.category)")
        }
        guard let grid = organisation.grid(command.grid) else {
            throw Refusal(.invalidInput, "未知的网格 \(command.grid)")
        }
        if let building = command.building, !grid.buildings.contains(where: { $0.code == building }) {
            throw Refusal(.invalidInput, "网格 \(grid.code)（\(grid.name)）中没有楼栋 \(building)")
        }
        if let refusal = Permissions.check(actor, .report, grid: grid.code, caseState: nil, organisation: organisation) {
            throw refusal
        }
        let limit = context.stages.dispatch
        return Reported(
            code: "", title: title, description: command.description, category: category.code, grid: grid.code,
            building: command.building, source: command.source, severity: command.severity ?? category.severity,
            level: category.level, sourceRef: command.sourceRef, dispatchLimit: limit,
            dueAt: deadline(from: now, limit))
    }

    // MARK: commands on a case

    /// Decides a command on an existing case. The events returned carry no versions
    /// yet; the store numbers them after `state.version`.
    public func decide(_ command: CaseCommand, on state: CaseState, by actor: Person, at now: Instant) throws(Refusal) -> [EventBody] {
        if let refusal = Permissions.check(actor, command.action, grid: state.grid, caseState: state, organisation: organisation) {
            throw refusal
        }
        try Self.checkLength(command.texts)
        switch command {
        case .accept(let note):
            try require(state, [.reported], to: .accept)
            return [.accepted(note: note.nonEmpty)]

        case .decline(let reason):
            try require(state, [.reported], to: .decline)
            return [.declined(reason: try required(reason, "不予立案的理由"))]

        case let .dispatch(handler, limit, note):
            try require(state, [.reported, .accepted], to: .dispatch)
            try validate(handler)
            guard let category = context.catalog.category(state.category) else {
                throw Refusal(.invalidInput, "案件 \(state.code) 的分类 \(state.category) 已不在分类表中")
            }
            let limit = limit ?? category.limit
            guard limit.amount > 0 else { throw Refusal(.invalidInput, "处置时限必须大于 0") }
            let dispatched = EventBody.dispatched(handler: handler, limit: limit, dueAt: deadline(from: now, limit), note: note.nonEmpty)
            return state.status == .reported ? [.accepted(note: nil), dispatched] : [dispatched]

        case .handlerAccept:
            try require(state, [.dispatched], to: .handlerAccept)
            return [.handlerAccepted]

        case .sendBack(let reason):
            try require(state, [.dispatched, .inProgress], to: .sendBack)
            let reason = try required(reason, "回退理由")
            let limit = context.stages.dispatch
            return [.sentBack(reason: reason, limit: limit, dueAt: deadline(from: now, limit))]

        case .feedback(let text):
            try require(state, [.dispatched, .inProgress], to: .feedback)
            let text = try required(text, "处置结果")
            let limit = context.stages.verification
            let feedback = EventBody.feedback(text: text, limit: limit, dueAt: deadline(from: now, limit))
            return state.status == .dispatched ? [.handlerAccepted, feedback] : [feedback]

        case let .verify(passed, note):
            try require(state, [.handled], to: .verify)
            if passed { return [.verificationPassed(note: note.nonEmpty)] }
            let reason = try required(note ?? "", "核查不通过的原因")
            let limit = state.lastHandlingLimit ?? context.catalog.category(state.category)?.limit
                ?? TimeLimit(amount: 1, clock: .workingDays)
            return [.verificationFailed(reason: reason, limit: limit, dueAt: deadline(from: now, limit))]

        case let .evaluate(satisfaction, note):
            try require(state, [.verified], to: .evaluate)
            return [.evaluated(satisfaction: satisfaction, note: note.nonEmpty)]

        case .close(let note):
            try require(state, [.evaluated], to: .close)
            return [.closed(note: note.nonEmpty)]

        case .archive:
            try require(state, [.closed], to: .archive)
            return [.archived]

        case .requestExtension(let reason):
            try require(state, [.dispatched, .inProgress], to: .requestExtension)
            let reason = try required(reason, "延期理由")
            if state.pendingExtension != nil {
                throw Refusal(.invalidState, "案件 \(state.code) 已有一条待审批的延期申请")
            }
            guard state.extensionCount < context.stages.maxExtensions else {
                throw Refusal(.invalidState, "案件 \(state.code) 已延期 \(state.extensionCount) 次，最多 \(context.stages.maxExtensions) 次")
            }
            return [.extensionRequested(reason: reason)]

        case let .decideExtension(approve, note):
            guard state.pendingExtension != nil else {
                throw Refusal(.invalidState, "案件 \(state.code) 没有待审批的延期申请\(changedBy(state))")
            }
            guard approve else { return [.extensionDecided(approved: false, note: note.nonEmpty, dueAt: nil)] }
            guard let clock = state.clock else {
                throw Refusal(.invalidState, "案件 \(state.code) 当前没有计时，无法延期")
            }
            let due = calendar.deadline(start: clock.start, limit: clock.limit, extensions: clock.extensions + 1, suspensions: clock.suspensions)
            return [.extensionDecided(approved: true, note: note.nonEmpty, dueAt: due ?? now)]

        case let .suspend(reason, until):
            try require(state, [.dispatched, .inProgress], to: .suspend)
            let reason = try required(reason, "挂账理由")
            if state.isSuspended(at: now) {
                throw Refusal(.invalidState, "案件 \(state.code) 已挂账至 \(local(state.suspendedUntil ?? now))")
            }
            guard until > now else { throw Refusal(.invalidInput, "挂账截止时间必须晚于现在") }
            guard until - now <= context.stages.maxSuspensionSeconds else {
                throw Refusal(.invalidInput, "挂账最长一年")
            }
            guard let clock = state.clock else { throw Refusal(.invalidState, "案件 \(state.code) 当前没有计时") }
            let spans = clock.suspensions + [TimeSpan(start: now, end: until)]
            let due = calendar.deadline(start: clock.start, limit: clock.limit, extensions: clock.extensions, suspensions: spans)
            return [.suspended(reason: reason, until: until, dueAt: due ?? until)]

        case .resume:
            guard state.isSuspended(at: now), var clock = state.clock, let last = clock.suspensions.indices.last else {
                throw Refusal(.invalidState, "案件 \(state.code) 没有处于挂账状态\(changedBy(state))")
            }
            clock.suspensions[last].end = now
            let due = calendar.deadline(start: clock.start, limit: clock.limit, extensions: clock.extensions, suspensions: clock.suspensions)
            return [.resumed(dueAt: due ?? now)]

        case let .supervise(kind, note):
            try requireOpen(state, to: .supervise)
            return [.supervised(kind: kind, note: try required(note, "督办意见"))]

        case let .summon(units, limit, note):
            try requireOpen(state, to: .summon)
            guard !units.isEmpty else { throw Refusal(.invalidInput, "至少选择一个被吹哨的部门") }
            let limit = limit ?? context.stages.reportIn
            var entries: [SummonEntry] = []
            for unit in units {
                guard organisation.unit(unit) != nil else { throw Refusal(.invalidInput, "未知的部门 \(unit)") }
                if state.summons.contains(where: { $0.unit == unit && $0.reportedInAt == nil }) {
                    throw Refusal(.invalidState, "\(organisation.unit(unit)?.name ?? unit) 已被吹哨，尚未报到")
                }
                if !entries.contains(where: { $0.unit == unit }) {
                    entries.append(SummonEntry(unit: unit, dueAt: deadline(from: now, limit)))
                }
            }
            return [.summoned(entries: entries, note: note.nonEmpty)]

        case let .reportIn(unit, note):
            let unit = unit ?? { if case .unit(let u) = actor.scope { u } else { "" } }()
            if case .unit(let own) = actor.scope, own != unit {
                throw Refusal(.outOfScope, "\(actor.name)（\(actor.login)）只能为本单位 \(organisation.unit(own)?.name ?? own) 报到，不能代 \(organisation.unit(unit)?.name ?? unit) 报到")
            }
            guard state.summons.contains(where: { $0.unit == unit && $0.reportedInAt == nil }) else {
                throw Refusal(.invalidState, "案件 \(state.code) 没有对 \(organisation.unit(unit)?.name ?? unit) 的待报到吹哨")
            }
            return [.reportedIn(unit: unit, note: note.nonEmpty)]

        case .linkDuplicate(let primary):
            try require(state, [.reported, .accepted, .dispatched, .inProgress], to: .linkDuplicate)
            guard primary != state.code else { throw Refusal(.invalidInput, "案件不能与自身并案") }
            return [.linkedDuplicate(primary: primary)]

        case .reopen(let reason):
            try require(state, [.closed, .declined], to: .reopen)
            let reason = try required(reason, "重新打开的理由")
            let limit = context.stages.dispatch
            return [.reopened(reason: reason, limit: limit, dueAt: deadline(from: now, limit))]

        case let .escalate(target, reason, rule):
            try require(state, [.reported, .accepted, .dispatched, .inProgress], to: .escalate)
            guard let to = target ?? state.level.next else {
                throw Refusal(.invalidState, "案件 \(state.code) 已在最高层级（部门）")
            }
            guard to > state.level else {
                throw Refusal(.invalidInput, "只能向上升级：案件 \(state.code) 当前在\(state.level.chineseName)层级")
            }
            let reason = try required(reason, "升级理由")
            let limit = context.stages.dispatch
            return [.escalated(from: state.level, to: to, reason: reason, rule: rule, limit: limit, dueAt: deadline(from: now, limit))]

        case .comment(let text):
            return [.commented(text: try required(text, "备注内容"))]

        case let .recordMeetingDecision(meeting, decision, decidedBy, deadline):
            guard state.status.isOpen else {
                throw Refusal(.invalidState, "案件 \(state.code) 当前为「\(state.status.chineseName)」，不再记录联席会议决定")
            }
            guard meeting <= calendar.civil(now).date else {
                throw Refusal(.invalidInput, "会议 \(meeting) 还没有开：只能记录已召开会议的决定")
            }
            if let deadline, deadline <= now {
                throw Refusal(.invalidInput, "办结期限 \(local(deadline)) 已过：期限应晚于现在")
            }
            return [.meetingDecided(meeting: meeting.description, decision: try required(decision, "会议决定"),
                                    decidedBy: try required(decidedBy, "作出决定的人"), deadline: deadline)]
        }
    }

    // MARK: helpers

    private func deadline(from start: Instant, _ limit: TimeLimit) -> Instant {
        calendar.deadline(start: start, limit: limit) ?? start
    }

    private func local(_ instant: Instant) -> String {
        calendar.civil(instant).formatted()
    }

    private func validate(_ handler: Handler) throws(Refusal) {
        switch handler {
        case .person(let login):
            guard organisation.person(login) != nil else { throw Refusal(.invalidInput, "未知的承办人 \(login)") }
        case .unit(let code):
            guard organisation.unit(code) != nil else { throw Refusal(.invalidInput, "未知的承办单位 \(code)") }
        }
    }

    private func required(_ text: String, _ what: String) throws(Refusal) -> String {
        let t = text.trimmingSpaces()
        guard !t.isEmpty else { throw Refusal(.invalidInput, "请填写\(what)") }
        return t
    }

    /// "（已由 李明 于 11-20 10:32 派遣）": who moved the case last, for refusals.
    private func changedBy(_ state: CaseState) -> String {
        "（最近由 \(organisation.displayName(ofLogin: state.lastChange.actor)) 于 \(local(state.lastChange.at)) \(state.lastChange.kind.chineseVerb)）"
    }

    private func require(_ state: CaseState, _ allowed: Set<CaseStatus>, to action: Action) throws(Refusal) {
        guard allowed.contains(state.status) else {
            throw Refusal(.invalidState, "案件 \(state.code) 已由 \(organisation.displayName(ofLogin: state.lastChange.actor)) 于 \(local(state.lastChange.at)) \(state.lastChange.kind.chineseVerb)，当前为「\(state.status.chineseName)」，不能\(action.chineseName)。请刷新")
        }
    }

    private func requireOpen(_ state: CaseState, to action: Action) throws(Refusal) {
        guard state.status.isOpen else {
            throw Refusal(.invalidState, "案件 \(state.code) 当前为「\(state.status.chineseName)」，不能\(action.chineseName)")
        }
    }

    /// The message for an optimistic-lock conflict: the case changed between reading it
    /// and writing to it.
    public func staleMessage(for current: CaseState) -> Refusal {
        Refusal(.conflict, "案件 \(current.code) 已由 \(organisation.displayName(ofLogin: current.lastChange.actor)) 于 \(local(current.lastChange.at)) \(current.lastChange.kind.chineseVerb)，请刷新")
    }
}

extension Level {
    public var chineseName: String {
        switch self {
        case .grid: "网格"
        case .community: "社区"
        case .street: "街道"
        case .department: "部门"
        }
    }
}

extension String {
    /// Trims spaces, tabs and newlines (including full-width spaces) without Foundation.
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension Optional where Wrapped == String {
    /// nil for nil, empty or blank text.
    var nonEmpty: String? {
        guard let t = self?.trimmingSpaces(), !t.isEmpty else { return nil }
        return t
    }
}
