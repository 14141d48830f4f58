/// One immutable fact in a case's history. Every event that changes a clock records
/// the deadline decided at that moment (`dueAt`), so the projections are a pure fold
/// of the log and a later change to the holiday calendar never rewrites history.
public struct CaseEvent: Hashable, Sendable {
    public var caseID: Int64
    public var version: Int
    public var actor: String
    public var at: Instant
    public var body: EventBody

    public init(caseID: Int64, version: Int, actor: String, at: Instant, body: EventBody) {
        self.caseID = caseID; self.version = version; self.actor = actor; self.at = at; self.body = body
    }
}

public struct Reported: Hashable, Codable, Sendable {
    public var code: String
    public var title: String
    public var description: String
    public var category: String
    public var grid: String
    public var building: String?
    public var source: CaseSource
    public var severity: Severity
    public var level: Level
    public var sourceRef: String?
    public var dispatchLimit: TimeLimit
    public var dueAt: Instant

    public init(
        code: String, title: String, description: String, category: String, grid: String, building: String?,
        source: CaseSource, severity: Severity, level: Level, sourceRef: String?, dispatchLimit: TimeLimit, dueAt: Instant
    ) {
        self.code = code; self.title = title; self.description = description; self.category = category
        self.grid = grid; self.building = building; self.source = source; self.severity = severity
        self.level = level; self.sourceRef = sourceRef; self.dispatchLimit = dispatchLimit; self.dueAt = dueAt
    }
}

public struct SummonEntry: Hashable, Codable, Sendable {
    public var unit: String
    public var dueAt: Instant
    public init(unit: String, dueAt: Instant) { self.unit = unit; self.dueAt = dueAt }
}

/// What happened. The raw value of `kind` is the `type` column of the event table.
public enum EventBody: Hashable, Sendable {
    case reported(Reported)
    case accepted(note: String?)
    case declined(reason: String)
    case dispatched(handler: Handler, limit: TimeLimit, dueAt: Instant, note: String?)
    case handlerAccepted
    case sentBack(reason: String, limit: TimeLimit, dueAt: Instant)
    case feedback(text: String, limit: TimeLimit, dueAt: Instant)
    case verificationPassed(note: String?)
    case verificationFailed(reason: String, limit: TimeLimit, dueAt: Instant)
    case evaluated(satisfaction: Satisfaction, note: String?)
    case closed(note: String?)
    case archived
    case extensionRequested(reason: String)
    case extensionDecided(approved: Bool, note: String?, dueAt: Instant?)
    case suspended(reason: String, until: Instant, dueAt: Instant)
    case resumed(dueAt: Instant)
    case supervised(kind: SupervisionKind, note: String)
    case summoned(entries: [SummonEntry], note: String?)
    case reportedIn(unit: String, note: String?)
    case linkedDuplicate(primary: String)
    case reopened(reason: String, limit: TimeLimit, dueAt: Instant)
    case escalated(from: Level, to: Level, reason: String, rule: String?, limit: TimeLimit, dueAt: Instant)
    case commented(text: String)
    /// The escalation engine raised the severity (words, repeats...); `rule` names the rule.
    case severityRaised(from: Severity, to: Severity, reason: String, rule: String?)
    /// Put on the agenda of the joint meeting (三五联席会议) held on `meeting` (local
    /// date, `YYYY-MM-DD`), at the case's `level`.
    case agendaListed(meeting: String, level: Level, reason: String, rule: String?)
    /// People with these roles were alerted (a warning before a deadline...).
    case notified(roles: [Role], note: String, rule: String?)
    /// The decision of a joint meeting (三五联席会议) held on `meeting` (local date,
    /// `YYYY-MM-DD`) on the case: what was decided, who decided it, and by when it is to
    /// be carried out. A record for the minutes: it moves no clock.
    case meetingDecided(meeting: String, decision: String, decidedBy: String, deadline: Instant?)

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case reported, accepted, declined, dispatched
        case handlerAccepted = "handler_accepted"
        case sentBack = "sent_back"
        case feedback
        case verificationPassed = "verification_passed"
        case verificationFailed = "verification_failed"
        case evaluated, closed, archived
        case extensionRequested = "extension_requested"
        case extensionDecided = "extension_decided"
        case suspended, resumed, supervised, summoned
        case reportedIn = "reported_in"
        case linkedDuplicate = "linked_duplicate"
        case reopened, escalated, commented
        case severityRaised = "severity_raised"
        case agendaListed = "agenda_listed"
        case notified
        case meetingDecided = "meeting_decided"
    }

    public var kind: Kind {
        switch self {
        case .reported: .reported
        case .accepted: .accepted
        case .declined: .declined
        case .dispatched: .dispatched
        case .handlerAccepted: .handlerAccepted
        case .sentBack: .sentBack
        case .feedback: .feedback
        case .verificationPassed: .verificationPassed
        case .verificationFailed: .verificationFailed
        case .evaluated: .evaluated
        case .closed: .closed
        case .archived: .archived
        case .extensionRequested: .extensionRequested
        case .extensionDecided: .extensionDecided
        case .suspended: .suspended
        case .resumed: .resumed
        case .supervised: .supervised
        case .summoned: .summoned
        case .reportedIn: .reportedIn
        case .linkedDuplicate: .linkedDuplicate
        case .reopened: .reopened
        case .escalated: .escalated
        case .commented: .commented
        case .severityRaised: .severityRaised
        case .agendaListed: .agendaListed
        case .notified: .notified
        case .meetingDecided: .meetingDecided
        }
    }
}

extension EventBody.Kind {
    /// The past-tense verb used in timelines and conflict messages: "李明 于 10:32 派遣".
    public var chineseVerb: String {
        switch self {
        case .reported: "上报"
        case .accepted: "立案"
        case .declined: "不予立案"
        case .dispatched: "派遣"
        case .handlerAccepted: "接单"
        case .sentBack: "回退"
        case .feedback: "反馈处置结果"
        case .verificationPassed: "核查通过"
        case .verificationFailed: "核查不通过（返工）"
        case .evaluated: "评价"
        case .closed: "结案"
        case .archived: "归档"
        case .extensionRequested: "申请延期"
        case .extensionDecided: "审批延期"
        case .suspended: "挂账"
        case .resumed: "恢复计时"
        case .supervised: "督办"
        case .summoned: "吹哨"
        case .reportedIn: "报到"
        case .linkedDuplicate: "并案"
        case .reopened: "重新打开"
        case .escalated: "升级"
        case .commented: "备注"
        case .severityRaised: "提高严重程度"
        case .agendaListed: "列入联席会议议程"
        case .notified: "提醒"
        case .meetingDecided: "记录联席会议决定"
        }
    }
}
