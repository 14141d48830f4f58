/// Commands only the escalation engine issues: they have no verb on the command line
/// because a person does the same thing with `escalate`, `supervise` or a comment.
/// They are decided here, in Core, so the engine goes through the same permission
/// check as a person would.
public enum EngineCommand: Hashable, Sendable {
    /// Raise the severity to at least `to` (words such as 群体 in the description, repeats).
    case raiseSeverity(to: Severity, reason: String, rule: String?)
    /// Put the case on the agenda of the joint meeting (三五联席会议) held on `meeting`.
    case listOnAgenda(meeting: CivilDate, reason: String, rule: String?)
    /// Alert the people with these roles (a warning before a deadline...).
    case notify(roles: [Role], note: String, rule: String?)

    /// The permission each needs: raising severity and listing on the agenda are forms of
    /// escalation; an alert is a note on the case.
    public var action: Action {
        switch self {
        case .raiseSeverity, .listOnAgenda: .escalate
        case .notify: .comment
        }
    }
}

extension Person {
    /// The identity the escalation engine acts as.
    ///
    /// Why a person and not a bypass: the engine's commands go through
    /// `CaseDecider` and `Permissions` exactly like a county-wide supervisor's (督办员,
    /// scope county), so the engine can never do what the matrix forbids a supervisor,
    /// and its events are attributed to the login `engine` in the log. `engine` is not a
    /// person of the organisation, so nobody can log in as it (`Identity.resolve` only
    /// accepts logins listed in the organisation file).
    public static let escalationEngine = Person(login: "engine", name: "自动升级引擎", role: .supervisor, scope: .county)
}

extension CaseDecider {
    /// Decides an engine command on an open case.
    public func decide(_ command: EngineCommand, on state: CaseState, by actor: Person, at now: Instant) throws(Refusal) -> [EventBody] {
        if let refusal = Permissions.check(actor, command.action, grid: state.grid, caseState: state, organisation: context.organisation) {
            throw refusal
        }
        guard state.status.isOpen else {
            throw Refusal(.invalidState, "案件 \(state.code) 当前为「\(state.status.chineseName)」，不能\(command.action.chineseName)")
        }
        switch command {
        case let .raiseSeverity(to, reason, rule):
            guard to > state.severity else {
                throw Refusal(.invalidState, "案件 \(state.code) 的严重程度已是\(state.severity.rawValue)，不低于 \(to.rawValue)")
            }
            return [.severityRaised(from: state.severity, to: to, reason: try nonEmpty(reason, "理由"), rule: rule)]
        case let .listOnAgenda(meeting, reason, rule):
            return [.agendaListed(meeting: meeting.description, level: state.level, reason: try nonEmpty(reason, "理由"), rule: rule)]
        case let .notify(roles, note, rule):
            guard !roles.isEmpty else { throw Refusal(.invalidInput, "请选择要提醒的角色") }
            return [.notified(roles: roles, note: try nonEmpty(note, "提醒内容"), rule: rule)]
        }
    }

    private func nonEmpty(_ text: String, _ what: String) throws(Refusal) -> String {
        let t = text.trimmingSpaces()
        guard !t.isEmpty else { throw Refusal(.invalidInput, "请填写\(what)") }
        return t
    }
}
