import WanggeCore

/// A span of time in a rule: `"2h"`, `"30m"`, `"1d"` on the case's own clock (so 2h of
/// a working-hours case is 2 working hours), or `"2 working_hours"`, `"1 urgent_hours"`,
/// `"3 calendar_days"` on a named clock. Rules are written by supervisors, so they say
/// time the way a limit is written, and the engine measures it the way the limit runs.
public struct RuleDuration: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: Sendable, Hashable { case minutes, hours, days }

    public var amount: Int
    public var unit: Unit
    /// nil: the case's own clock (for age: calendar time).
    public var clock: ClockKind?

    public init(amount: Int, unit: Unit, clock: ClockKind?) {
        self.amount = amount; self.unit = unit; self.clock = clock
    }

    /// Reads the forms above; nil for anything else. Amounts are 0 ... 100 000.
    public init?(text: String) {
        let t = text.trimmingSpaces()
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6, let amount = Int(digits), amount <= 100_000 else { return nil }
        let rest = String(t.dropFirst(digits.count)).trimmingSpaces()
        switch rest {
        case "m", "min", "分钟": self.init(amount: amount, unit: .minutes, clock: nil)
        case "h", "小时": self.init(amount: amount, unit: .hours, clock: nil)
        case "d", "天": self.init(amount: amount, unit: .days, clock: nil)
        default:
            let name = rest.hasSuffix("s") ? rest : rest + "s"
            guard let clock = ClockKind(rawValue: name) else { return nil }
            let unit: Unit = (clock == .urgentHours || clock == .workingHours) ? .hours : .days
            self.init(amount: amount, unit: unit, clock: clock)
        }
    }

    /// The clock this duration is measured on when the case runs on `own`.
    public func clock(own: ClockKind) -> ClockKind { clock ?? own }

    /// The duration in seconds of `clock` (working seconds on working clocks). A day of
    /// a working clock is one working day's office hours, as in `WorkCalendar.limitSeconds`.
    public func seconds(on clock: ClockKind, calendar: WorkCalendar) -> Int64 {
        let a = Int64(amount)
        switch unit {
        case .minutes: return a * 60
        case .hours: return a * 3600
        case .days:
            switch clock {
            case .workingHours, .workingDays: return a * calendar.workingSecondsPerDay
            case .urgentHours, .calendarDays: return a * 86_400
            }
        }
    }

    public var description: String {
        if let clock { return "\(amount) \(clock.rawValue)" }
        switch unit {
        case .minutes: return "\(amount)m"
        case .hours: return "\(amount)h"
        case .days: return "\(amount)d"
        }
    }

    /// "2 小时（案件自身时钟）", "1 紧急小时".
    public var chineseText: String {
        if let clock { return TimeLimit(amount: amount, clock: clock).rulesChineseText }
        switch unit {
        case .minutes: return "\(amount) 分钟"
        case .hours: return "\(amount) 小时"
        case .days: return "\(amount) 天"
        }
    }
}

extension TimeLimit {
    /// "4 工作时", for rule texts (WanggeRules does not import WanggeApp's wording).
    public var rulesChineseText: String {
        switch clock {
        case .urgentHours: "\(amount) 紧急小时"
        case .workingHours: "\(amount) 工作时"
        case .workingDays: "\(amount) 工作日"
        case .calendarDays: "\(amount) 自然日"
        }
    }
}

extension ClockKind {
    /// "工作时" etc., for explanations.
    public var rulesChineseName: String {
        switch self {
        case .urgentHours: "紧急工作时"
        case .workingHours: "工作时"
        case .workingDays: "工作日"
        case .calendarDays: "自然日"
        }
    }
}
