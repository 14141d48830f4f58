import WanggeApp
import WanggeCore

/// Time left on a case's current stage, in the case's own clock, with how urgent it is:
/// the same rule as `CaseText.timeLeft` (shared with the command line), kept as numbers
/// so the console can say it in either language.
public struct TimeLeft: Hashable, Sendable {
    /// Seconds left (working seconds on a working clock); negative once overdue.
    public var seconds: Int64
    /// How urgent: colours the cell.
    public var urgency: Urgency
    /// Whether the clock counts only working time (shown as "(工)").
    public var working: Bool

    /// Time left on `state` at `now`, or nil when nothing is timed.
    public static func of(_ state: CaseState, calendar: WorkCalendar, now: Instant) -> TimeLeft? {
        guard state.status.isOpen, let clock = state.clock, let due = state.dueAt else { return nil }
        let working = clock.limit.clock == .workingHours || clock.limit.clock == .workingDays
        if state.isSuspended(at: now) { return TimeLeft(seconds: 0, urgency: .suspended, working: working) }
        let total = calendar.totalSeconds(clock.limit, extensions: clock.extensions)
        let left = calendar.remaining(
            start: clock.start, limit: clock.limit, extensions: clock.extensions, suspensions: clock.suspensions, at: now)
        if now > due || left < 0 {
            return TimeLeft(seconds: -(now - due), urgency: .overdue, working: working)
        }
        return TimeLeft(seconds: left, urgency: left * 4 <= total ? .warning : .ok, working: working)
    }

    /// "剩 3时20分(工)", "超 1天2时", "挂账中".
    public func text(_ strings: UIStrings) -> String {
        switch urgency {
        case .overdue: strings.overdueBy(-seconds)
        case .suspended: strings.suspended
        default: strings.timeLeft(seconds, working: working)
        }
    }

    /// The role its cell is drawn in.
    public var role: Style.Role {
        switch urgency {
        case .overdue: .overdue
        case .warning: .warning
        case .suspended, .none: .dim
        case .ok: .ok
        }
    }
}

extension Level {
    /// The role a level is drawn in, on the queue and the board.
    var role: Style.Role {
        switch self {
        case .grid: .levelGrid
        case .community: .levelCommunity
        case .street: .levelStreet
        case .department: .levelDepartment
        }
    }
}
