/// Where a case stands in the six-step loop (六步闭环).
public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    case reported          // 发现上报: waiting for the command room to accept
    case declined          // 不予立案
    case accepted          // 已立案, waiting for dispatch (also after a send-back or an escalation)
    case dispatched        // 已派遣, waiting for the handler to accept
    case inProgress = "in_progress" // 处置中
    case handled           // 已反馈, waiting for on-site verification
    case verified          // 核查通过, waiting for evaluation
    case evaluated         // 已评价, waiting for closing
    case closed            // 已结案
    case archived          // 已归档
    case merged            // 已并案: linked as a duplicate of another case

    /// Open cases are the ones the command room still has to move.
    public var isOpen: Bool {
        switch self {
        case .declined, .closed, .archived, .merged: false
        default: true
        }
    }

    public var chineseName: String {
        switch self {
        case .reported: "待受理"
        case .declined: "不予立案"
        case .accepted: "待派遣"
        case .dispatched: "待接单"
        case .inProgress: "处置中"
        case .handled: "待核查"
        case .verified: "待评价"
        case .evaluated: "待结案"
        case .closed: "已结案"
        case .archived: "已归档"
        case .merged: "已并案"
        }
    }
}

/// 满意 / 基本满意 / 不满意.
public enum Satisfaction: String, Codable, Sendable, CaseIterable {
    case satisfied
    case basicallySatisfied = "basically_satisfied"
    case dissatisfied

    public var chineseName: String {
        switch self {
        case .satisfied: "满意"
        case .basicallySatisfied: "基本满意"
        case .dissatisfied: "不满意"
        }
    }
}

/// 督办 kinds.
public enum SupervisionKind: String, Codable, Sendable, CaseIterable {
    case timeout
    case leader
    case important

    public var chineseName: String {
        switch self {
        case .timeout: "超时督办"
        case .leader: "领导督办"
        case .important: "重点督办"
        }
    }
}

/// Which clock a case's current deadline belongs to.
public enum Stage: String, Codable, Sendable {
    case dispatch      // from report (or send-back / escalation / reopen) to dispatch
    case handling      // from dispatch (or rework) to feedback
    case verification  // from feedback to on-site verification
}

/// The clock of the current stage: enough to show time left in the case's own clock.
public struct CaseClock: Hashable, Codable, Sendable {
    public var stage: Stage
    public var start: Instant
    public var limit: TimeLimit
    public var extensions: Int
    public var suspensions: [TimeSpan]

    public init(stage: Stage, start: Instant, limit: TimeLimit, extensions: Int = 0, suspensions: [TimeSpan] = []) {
        self.stage = stage; self.start = start; self.limit = limit
        self.extensions = extensions; self.suspensions = suspensions
    }
}
