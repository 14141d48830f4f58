import WanggeCore
import WanggeStore

/// The verbs on cases, shared by the command line and the console: load, decide in
/// Core, append with the optimistic lock, and turn every failure into a message a
/// dispatcher can read.
public struct CaseService: Sendable {
    public let workspace: Workspace
    /// Where refused attempts are recorded; nil for programs acting on their own behalf.
    public let securityLog: SecurityLogger?

    public init(workspace: Workspace, securityLog: SecurityLogger? = nil) {
        self.workspace = workspace
        self.securityLog = securityLog
    }

    var store: SQLiteCaseStore { workspace.store }
    var decider: CaseDecider { workspace.decider }

    /// Reports a new case. Returns the state with its new code.
    public func report(_ command: ReportCommand, as person: Person, at now: Instant, idempotencyKey: String? = nil) throws -> CaseState {
        try recordingRefusals(.report, as: person, code: nil, grid: command.grid, at: now) {
            let reported = try decider.report(command, by: person, at: now)
            let outcome = try store.createCase(reported, codeDay: workspace.codeDay(now), actor: person.login, at: now,
                                               idempotencyKey: idempotencyKey)
            return outcome.state
        }
    }

    /// Loads a case the person may see. A refusal is recorded at `now` (the wall clock
    /// when nil).
    public func load(_ code: String, as person: Person, at now: Instant? = nil) throws -> CaseState {
        let code = code.trimmingSpaces().uppercased()
        var grid: String?
        return try recordingRefusals(.view, as: person, code: code, grid: { grid }, at: now) {
            guard let state = try store.caseState(code: code) else {
                throw Refusal(.notFound, "找不到案件 \(code)")
            }
            grid = state.grid
            if let refusal = Permissions.check(person, .view, grid: state.grid, caseState: state, organisation: workspace.organisation) {
                throw refusal
            }
            return state
        }
    }

    /// Checks a permission that needs no case (`manageOrganisation`, `audit`), recording
    /// a refusal like any other.
    public func authorise(_ action: Action, as person: Person, at now: Instant) throws {
        try recordingRefusals(action, as: person, code: nil, grid: nil, at: now) {
            // Whether the role has the permission at all; a scoped one (a street's
            // supervisor auditing) is narrowed by the caller to the person's grids.
            guard Permissions.reach(person.role, action) == .none else { return }
            throw Permissions.check(person, action, grid: "", caseState: nil, organisation: workspace.organisation)
                ?? Refusal(.forbidden, "\(person.name)（\(person.login)）无权\(action.chineseName)")
        }
    }

    /// Runs `body`; a `Refusal` it throws is written to the security log (when there is
    /// one) before it is thrown on.
    func recordingRefusals<T>(
        _ action: Action, as person: Person, code: String?, grid: String?, at now: Instant?, _ body: () throws -> T
    ) throws -> T {
        try recordingRefusals(action, as: person, code: code, grid: { grid }, at: now, body)
    }

    func recordingRefusals<T>(
        _ action: Action, as person: Person, code: String?, grid: () -> String?, at now: Instant?, _ body: () throws -> T
    ) throws -> T {
        do {
            return try body()
        } catch let refusal as Refusal {
            guard let securityLog else { throw refusal }
            throw securityLog.record(
                refusal, action: action.rawValue, actor: person.login, caseCode: code, grid: grid(),
                at: now ?? securityLog.wallClock(), in: store)
        }
    }

    /// Carries out a command on a case. `expectedVersion` is the version the operator
    /// saw; when the case has moved since, the command is refused with who moved it.
    @discardableResult
    public func execute(
        _ command: CaseCommand, onCase code: String, as person: Person, at now: Instant,
        expectedVersion: Int? = nil, idempotencyKey: String? = nil
    ) throws -> AppendOutcome {
        let organisation = workspace.organisation
        let decider = self.decider
        let command = normalised(command)
        let code = code.trimmingSpaces().uppercased()
        var grid: String?
        return try recordingRefusals(command.action, as: person, code: code, grid: { grid }, at: now) {
            if case .linkDuplicate(let primaryCode) = command {
                guard let primary = try store.caseState(code: primaryCode) else {
                    throw Refusal(.invalidInput, "找不到主案件 \(primaryCode)")
                }
                guard primary.status != .merged else {
                    throw Refusal(.invalidInput, "案件 \(primary.code) 本身已并入 \(primary.duplicateOf ?? "其他案件")，请并入主案件")
                }
            }
            do {
                return try store.update(
                    code: code, expectedVersion: expectedVersion, actor: person.login, at: now, idempotencyKey: idempotencyKey
                ) { state in
                    grid = state.grid
                    if let refusal = Permissions.check(person, .view, grid: state.grid, caseState: state, organisation: organisation) {
                        throw refusal
                    }
                    return try decider.decide(command, on: state, by: person, at: now)
                }
            } catch StoreError.conflict(let current) {
                grid = current.grid
                throw decider.staleMessage(for: current)
            } catch StoreError.caseNotFound {
                throw Refusal(.notFound, "找不到案件 \(code)")
            }
        }
    }

    private func normalised(_ command: CaseCommand) -> CaseCommand {
        if case .linkDuplicate(let primary) = command { return .linkDuplicate(primary: primary.uppercased()) }
        return command
    }

    /// The cases a person may see, narrowed by `query`: their scope is applied here so
    /// the CLI and the console list exactly the same cases.
    public func list(_ query: CaseQuery, as person: Person) throws -> [CaseState] {
        guard let scoped = scoped(query, for: person) else { return [] }
        return try store.cases(scoped)
    }

    public func count(_ query: CaseQuery, as person: Person) throws -> Int {
        guard let scoped = scoped(query, for: person) else { return 0 }
        return try store.count(scoped)
    }

    /// Adds the person's scope to a query; nil when the scope cannot match anything.
    public func scoped(_ query: CaseQuery, for person: Person) -> CaseQuery? {
        var q = query
        if Permissions.reach(person.role, .view) == .handler {
            switch person.scope {
            case .unit(let unit): q.involvingUnit = unit
            default: q.handler = .person(person.login)
            }
            return q
        }
        switch person.scope {
        case .county: break
        case .street(let s): q.street = s
        case .community(let c):
            if let existing = q.community, existing != c { return nil }
            q.community = c
        case .grids(let grids):
            q.grids = q.grids.map { $0.filter(grids.contains) } ?? grids
        case .unit(let unit): q.involvingUnit = unit
        }
        return q
    }
}

extension CaseService {
    /// The cases as they stood at `instant`, replayed from the log: what a supervisor
    /// sees when asking "which cases were overdue on the 15th?". Filters on state and
    /// overdue apply to the replayed state.
    public func list(_ query: CaseQuery, asOf instant: Instant, as person: Person) throws -> [CaseState] {
        var candidates = query
        candidates.statuses = nil
        candidates.openOnly = false
        candidates.overdueAt = nil
        candidates.reportedBefore = instant
        candidates.limit = nil
        candidates.level = nil
        candidates.handler = nil
        guard let scoped = scoped(candidates, for: person) else { return [] }
        var result: [CaseState] = []
        for current in try store.cases(scoped) {
            let events = try store.events(ofCase: current.id).map(\.event).filter { $0.at <= instant }
            guard let past = CaseState.fold(events) else { continue }
            if let statuses = query.statuses, !statuses.contains(past.status) { continue }
            if query.openOnly, !past.status.isOpen { continue }
            if let at = query.overdueAt, !past.isOverdue(at: at) { continue }
            if let level = query.level, past.level != level { continue }
            if let handler = query.handler, past.handler != handler { continue }
            result.append(past)
            if let limit = query.limit, result.count >= limit { break }
        }
        return result
    }
}
