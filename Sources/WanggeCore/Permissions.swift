/// How far a permission reaches for a role: nowhere, the person's own scope, or only
/// cases where the person (or their unit) is the handler / a summoned unit.
public enum Reach: String, Sendable, CaseIterable {
    case none = "—"
    case scope = "辖区内"
    case ownGrids = "本网格"
    case handler = "承办人"
    case summoned = "被吹哨单位"
    case anywhere = "全部"
}

/// The permission matrix, decided in Core so the command line and the console can
/// never disagree. The README's table is printed from `Permissions.matrix`.
public enum Permissions {
    /// Role × action → reach. Anything not listed is `.none`.
    public static func reach(_ role: Role, _ action: Action) -> Reach {
        switch (role, action) {
        case (.admin, .manageOrganisation), (.admin, .audit): .anywhere
        case (.supervisor, .audit), (.leader, .audit): .scope
        case (.admin, .view), (.admin, .report), (.admin, .comment): .scope
        case (_, .manageOrganisation): .none

        case (.gridWorker, .view), (.gridWorker, .report), (.gridWorker, .verify), (.gridWorker, .comment): .ownGrids
        case (.partTimeWorker, .view), (.partTimeWorker, .report), (.partTimeWorker, .comment): .ownGrids
        case (.gridLeader, .view), (.gridLeader, .report), (.gridLeader, .verify), (.gridLeader, .comment),
             (.gridLeader, .escalate): .scope

        case (.liaison, .view), (.liaison, .comment): .handler
        case (.liaison, .reportIn): .summoned

        case (.dispatcher, .view), (.dispatcher, .report), (.dispatcher, .accept), (.dispatcher, .decline),
             (.dispatcher, .dispatch), (.dispatcher, .summon), (.dispatcher, .linkDuplicate),
             (.dispatcher, .escalate), (.dispatcher, .comment): .scope

        case (.supervisor, .view), (.supervisor, .report), (.supervisor, .accept), (.supervisor, .decline),
             (.supervisor, .dispatch), (.supervisor, .verify), (.supervisor, .evaluate), (.supervisor, .close),
             (.supervisor, .archive), (.supervisor, .decideExtension), (.supervisor, .suspend),
             (.supervisor, .resume), (.supervisor, .supervise), (.supervisor, .summon),
             (.supervisor, .linkDuplicate), (.supervisor, .reopen), (.supervisor, .escalate),
             (.supervisor, .comment): .scope

        case (.leader, .view), (.leader, .supervise), (.leader, .comment): .scope
        case (.evaluator, .view), (.evaluator, .evaluate), (.evaluator, .comment): .scope

        // Whoever a case is dispatched to handles it, whatever their role.
        case (_, .handlerAccept), (_, .sendBack), (_, .feedback), (_, .requestExtension): .handler
        default: .none
        }
    }

    /// Whether `person` may take `action` on a case in `grid` (nil for `report` before
    /// a grid is known), and if not, a sentence saying why.
    public static func check(
        _ person: Person, _ action: Action, grid: String, caseState: CaseState?, organisation: Organisation
    ) -> Refusal? {
        let reach = reach(person.role, action)
        let allowed: Bool
        switch reach {
        case .none: allowed = false
        case .anywhere: allowed = true
        case .scope, .ownGrids:
            // A case dispatched to a person outside their own scope is still theirs to
            // see and annotate, or they could not act on it at all.
            let seesAsHandler = (action == .view || action == .comment) && caseState.map { isHandler(person, of: $0) } == true
            allowed = inScope(person.scope, grid: grid, organisation: organisation) || seesAsHandler
        case .handler:
            let sharesCase = action == .view || action == .comment
            allowed = caseState.map { isHandler(person, of: $0) || (sharesCase && isSummoned(person, on: $0)) } ?? false
        case .summoned: allowed = caseState.map { isSummoned(person, on: $0) } ?? false
        }
        if allowed { return nil }
        let code = caseState?.code
        let what = code.map { "案件 \($0)" } ?? "网格 \(grid) 的案件"
        if reach == .none {
            return Refusal(.forbidden, "\(person.role.chineseName) \(person.name)（\(person.login)）无权\(action.chineseName)\(code.map { "案件 \($0)" } ?? "")")
        }
        return Refusal(.outOfScope, "\(person.name)（\(person.login)）不能\(action.chineseName)\(what)：不在其\(reach.rawValue)范围（\(person.scope)）")
    }

    /// Whether the geographic scope covers the grid.
    public static func inScope(_ scope: Scope, grid: String, organisation: Organisation) -> Bool {
        switch scope {
        case .county: return true
        case .grids(let grids): return grids.contains(grid)
        case .community(let c): return organisation.grid(grid)?.community == c
        case .street(let s): return organisation.place(ofGrid: grid)?.street == s
        case .unit: return false
        }
    }

    /// The person is the handler, or the liaison of the unit that handles the case.
    public static func isHandler(_ person: Person, of state: CaseState) -> Bool {
        switch state.handler {
        case .person(let login)?: return login == person.login
        case .unit(let unit)?: return person.role == .liaison && person.scope == .unit(unit)
        case nil: return false
        }
    }

    /// The person is the liaison of a unit summoned to the case (吹哨报到: they share it).
    public static func isSummoned(_ person: Person, on state: CaseState) -> Bool {
        guard person.role == .liaison, case .unit(let unit) = person.scope else { return false }
        return state.summons.contains { $0.unit == unit }
    }

    /// The whole matrix, for the README and `wangge permissions`.
    public static var matrix: [(Role, [(Action, Reach)])] {
        Role.allCases.map { role in (role, Action.allCases.map { ($0, reach(role, $0)) }) }
    }
}
