/// The four kinds of clock a time limit (处置时限) can run on.
public enum ClockKind: String, Codable, Sendable, CaseIterable {
    /// 紧急工作时: every hour counts, nights, weekends and holidays included.
    case urgentHours = "urgent_hours"
    /// 工作时: only working periods of working days count.
    case workingHours = "working_hours"
    /// 工作日: whole working days; one working day is the day's working duration
    /// (8 hours with the default periods), so a limit can be measured and shown in
    /// working time like the working-hours clock.
    case workingDays = "working_days"
    /// 自然日: every day counts.
    case calendarDays = "calendar_days"
}

/// A time limit: an amount on a clock, e.g. 4 working hours or 3 working days.
public struct TimeLimit: Hashable, Codable, Sendable, CustomStringConvertible {
    public var amount: Int
    public var clock: ClockKind

    public init(amount: Int, clock: ClockKind) {
        self.amount = amount
        self.clock = clock
    }

    public var description: String { "\(amount) \(clock.rawValue)" }
}
