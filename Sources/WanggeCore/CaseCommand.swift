/// A new report (发现上报), before it has a code.
public struct ReportCommand: Hashable, Sendable {
    public var title: String
    public var description: String
    public var category: String
    public var grid: String
    public var building: String?
    public var source: CaseSource
    public var severity: Severity?
    public var sourceRef: String?

    public init(
        title: String, description: String = "", category: String, grid: String, building: String? = nil,
        source: CaseSource = .patrol, severity: Severity? = nil, sourceRef: String? = nil
    ) {
        self.title = title; self.description = description; self.category = category; self.grid = grid
        self.building = building; self.source = source; self.severity = severity; self.sourceRef = sourceRef
    }
}

/// Everything an operator can do to an existing case. Each is decided by `CaseDecider`.
public enum CaseCommand: Hashable, Sendable {
    case accept(note: String?)
    case decline(reason: String)
    case dispatch(handler: Handler, limit: TimeLimit?, note: String?)
    case handlerAccept
    case sendBack(reason: String)
    case feedback(text: String)
    case verify(passed: Bool, note: String?)
    case evaluate(Satisfaction, note: String?)
    case close(note: String?)
    case archive
    case requestExtension(reason: String)
    case decideExtension(approve: Bool, note: String?)
    case suspend(reason: String, until: Instant)
    case resume
    case supervise(SupervisionKind, note: String)
    case summon(units: [String], limit: TimeLimit?, note: String?)
    case reportIn(unit: String?, note: String?)
    case linkDuplicate(primary: String)
    case reopen(reason: String)
    case escalate(to: Level?, reason: String, rule: String?)
    case comment(text: String)
    /// Records a joint meeting's decision on the case (see `EventBody.meetingDecided`).
    case recordMeetingDecision(meeting: CivilDate, decision: String, decidedBy: String, deadline: Instant?)

    /// The free text the operator typed (notes, reasons, feedback), for length checks.
    public var texts: [String] {
        switch self {
        case .accept(let note), .close(let note), .verify(_, let note), .evaluate(_, let note), .decideExtension(_, let note),
             .dispatch(_, _, let note), .summon(_, _, let note), .reportIn(_, let note):
            return note.map { [$0] } ?? []
        case .decline(let text), .sendBack(let text), .feedback(let text), .requestExtension(let text), .suspend(let text, _),
             .supervise(_, let text), .reopen(let text), .escalate(_, let text, _), .comment(let text):
            return [text]
        case let .recordMeetingDecision(_, decision, decidedBy, _):
            return [decision, decidedBy]
        case .handlerAccept, .archive, .resume, .linkDuplicate:
            return []
        }
    }

    /// The permission this command needs.
    public var action: Action {
        switch self {
        case .accept: .accept
        case .decline: .decline
        case .dispatch: .dispatch
        case .handlerAccept: .handlerAccept
        case .sendBack: .sendBack
        case .feedback: .feedback
        case .verify: .verify
        case .evaluate: .evaluate
        case .close: .close
        case .archive: .archive
        case .requestExtension: .requestExtension
        case .decideExtension: .decideExtension
        case .suspend: .suspend
        case .resume: .resume
        case .supervise: .supervise
        case .summon: .summon
        case .reportIn: .reportIn
        case .linkDuplicate: .linkDuplicate
        case .reopen: .reopen
        case .escalate: .escalate
        case .comment: .comment
        // Recorded by those who follow cases up: the same reach as 督办.
        case .recordMeetingDecision: .supervise
        }
    }
}

/// What a person may be allowed to do. `report`, `manageOrganisation` and `audit` need no case.
public enum Action: String, Codable, Sendable, CaseIterable {
    case view, report, accept, decline, dispatch
    case handlerAccept = "handler_accept"
    case sendBack = "send_back"
    case feedback, verify, evaluate, close, archive
    case requestExtension = "request_extension"
    case decideExtension = "decide_extension"
    case suspend, resume, supervise, summon
    case reportIn = "report_in"
    case linkDuplicate = "link_duplicate"
    case reopen, escalate, comment
    case manageOrganisation = "manage_organisation"
    /// Reading who did what and who was refused (`wangge audit`).
    case audit

    public var chineseName: String {
        switch self {
        case .view: "查看"
        case .report: "上报"
        case .accept: "立案"
        case .decline: "不予立案"
        case .dispatch: "派遣"
        case .handlerAccept: "接单"
        case .sendBack: "回退"
        case .feedback: "处置反馈"
        case .verify: "核查"
        case .evaluate: "评价"
        case .close: "结案"
        case .archive: "归档"
        case .requestExtension: "申请延期"
        case .decideExtension: "审批延期"
        case .suspend: "挂账"
        case .resume: "恢复计时"
        case .supervise: "督办"
        case .summon: "吹哨"
        case .reportIn: "报到"
        case .linkDuplicate: "并案"
        case .reopen: "重新打开"
        case .escalate: "升级"
        case .comment: "备注"
        case .manageOrganisation: "管理组织架构"
        case .audit: "审计"
        }
    }
}
