/// Whether a case kept its time limit: the verdict assessment counts, the same for a
/// case handled here and one imported with its history. A case closed (or handled)
/// after its handling deadline was late; an open case past the deadline of its current
/// stage is overdue now, so leaving a case open never hides a late one.
public enum HandlingVerdict: String, Sendable, CaseIterable {
    /// Finished (handled, or closed without a recorded handling) by the handling deadline.
    case onTime = "on_time"
    /// Finished after the handling deadline.
    case late
    /// Still open and past the deadline of its current stage at the instant asked.
    case overdue
    /// Still open and within its deadline.
    case pending
    /// Never timed for handling: declined or merged before a dispatch.
    case none

    public var chineseName: String {
        switch self {
        case .onTime: "按期"
        case .late: "超期办结"
        case .overdue: "已超期"
        case .pending: "未到期"
        case .none: "—"
        }
    }
}

extension CaseState {
    /// The verdict at `now`: see `HandlingVerdict`. The finish time is the feedback
    /// (handled) when there is one, else the closing.
    public func handlingVerdict(at now: Instant) -> HandlingVerdict {
        if status.isOpen {
            if isOverdue(at: now) { return .overdue }
            if status != .handled && status != .verified && status != .evaluated { return .pending }
        }
        guard let due = handlingDueAt else { return status.isOpen ? .pending : .none }
        guard let finished = handledAt ?? closedAt else { return status.isOpen ? .pending : .none }
        return finished > due ? .late : .onTime
    }
}
