/// The working calendar of one city: its zone, office hours, weekend, public holidays
/// and make-up working days (调休). Every time limit is counted against it.
///
/// China has no daylight saving time, so a zone is a fixed UTC offset and all
/// arithmetic here is exact integer arithmetic with no Foundation. Holiday lists are
/// published per year, so they are data, not rules.
///
/// The settings are plain properties; changing one rebuilds a small index that makes
/// clock arithmetic cost a handful of binary searches however long the span.
public struct WorkCalendar: Hashable, Sendable {
    /// The IANA name of the zone, e.g. `Asia/Shanghai`; informational, shown to people.
    public var zoneName: String
    /// The zone's offset east of UTC in seconds (28 800 for China Standard Time).
    public var utcOffsetSeconds: Int
    /// Office hours of a working day, sorted and non-overlapping.
    public var periods: [WorkingPeriod] { didSet { rebuildIndex() } }
    /// ISO weekdays (1 = Monday … 7 = Sunday) that are not working days by default.
    public var weekendDays: Set<Int> { didSet { rebuildIndex() } }
    /// Public holidays: not working days even on a weekday.
    public var holidays: Set<CivilDate> { didSet { rebuildIndex() } }
    /// Make-up working days (调休): working days even on a weekend day.
    public var makeUpWorkdays: Set<CivilDate> { didSet { rebuildIndex() } }

    private(set) var index: WorkingTimeIndex

    /// A validated calendar. Throws the first problem found, so configuration errors
    /// can name it: no periods, an empty or overlapping period, a weekday outside
    /// 1...7, every weekday a weekend day, an offset beyond ±18 hours, or a date listed
    /// both as a holiday and as a make-up working day.
    public init(
        zoneName: String = "Asia/Shanghai",
        utcOffsetSeconds: Int = 28_800,
        periods: [WorkingPeriod] = WorkingPeriod.standardDay,
        weekendDays: Set<Int> = [6, 7],
        holidays: Set<CivilDate> = [],
        makeUpWorkdays: Set<CivilDate> = []
    ) throws(WorkCalendarError) {
        if let problem = WorkCalendar.problem(
            zoneName: zoneName, utcOffsetSeconds: utcOffsetSeconds, periods: periods,
            weekendDays: weekendDays, holidays: holidays, makeUpWorkdays: makeUpWorkdays)
        {
            throw problem
        }
        self.init(unchecked: zoneName, utcOffsetSeconds, periods, weekendDays, holidays, makeUpWorkdays)
    }

    private init(unchecked zoneName: String, _ utcOffsetSeconds: Int, _ periods: [WorkingPeriod],
                 _ weekendDays: Set<Int>, _ holidays: Set<CivilDate>, _ makeUpWorkdays: Set<CivilDate>) {
        self.zoneName = zoneName
        self.utcOffsetSeconds = utcOffsetSeconds
        self.periods = periods
        self.weekendDays = weekendDays
        self.holidays = holidays
        self.makeUpWorkdays = makeUpWorkdays
        index = WorkingTimeIndex(periods: periods, weekendDays: weekendDays, holidays: holidays,
                                 makeUpWorkdays: makeUpWorkdays)
    }

    /// Asia/Shanghai (UTC+8), 08:00-12:00 and 14:00-18:00, Saturday and Sunday off, no
    /// holiday lists: the usual office calendar before a city loads its holidays.
    public static let standard = WorkCalendar(
        unchecked: "Asia/Shanghai", 28_800, WorkingPeriod.standardDay, [6, 7], [], [])

    private mutating func rebuildIndex() {
        index = WorkingTimeIndex(periods: periods, weekendDays: weekendDays, holidays: holidays,
                                 makeUpWorkdays: makeUpWorkdays)
    }

    /// The first problem with a set of settings, or nil when they make a usable
    /// calendar. `validationProblem` applies it to a calendar whose properties were set
    /// one by one.
    public static func problem(
        zoneName: String, utcOffsetSeconds: Int, periods: [WorkingPeriod], weekendDays: Set<Int>,
        holidays: Set<CivilDate>, makeUpWorkdays: Set<CivilDate>
    ) -> WorkCalendarError? {
        if zoneName.isEmpty { return .emptyZoneName }
        if !(-64_800...64_800).contains(utcOffsetSeconds) {
            return .offsetOutOfRange(utcOffsetSeconds)
        }
        if periods.isEmpty { return .noWorkingPeriods }
        var previous: WorkingPeriod?
        for period in periods {
            if period.start >= period.end { return .emptyPeriod(period) }
            if let previous, period.start < previous.end { return .periodsOverlapOrUnsorted(previous, period) }
            previous = period
        }
        if let day = weekendDays.sorted().first(where: { !(1...7).contains($0) }) {
            return .weekdayOutOfRange(day)
        }
        if (1...7).allSatisfy(weekendDays.contains) { return .noWorkingWeekday }
        if let date = holidays.intersection(makeUpWorkdays).min() {
            return .holidayAndMakeUpWorkday(date)
        }
        return nil
    }

    /// The first problem with this calendar's current settings, or nil.
    public var validationProblem: WorkCalendarError? {
        WorkCalendar.problem(
            zoneName: zoneName, utcOffsetSeconds: utcOffsetSeconds, periods: periods,
            weekendDays: weekendDays, holidays: holidays, makeUpWorkdays: makeUpWorkdays)
    }

    /// Whether working periods count on `date`. A holiday is never a working day; a
    /// make-up working day always is (even on a weekend); otherwise the weekend rule
    /// decides.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        index.isWorking(date.daysSinceEpoch)
    }

    /// The working seconds in one working day: the sum of the periods (8 hours with the
    /// default periods). One working day on the working-days clock is this long.
    public var workingSecondsPerDay: Int64 { index.secondsPerDay }

    /// The local wall-clock reading of an instant.
    public func civil(_ instant: Instant) -> CivilTime {
        CivilTime(instant: instant, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The instant a local wall clock shows `civil`.
    public func instant(_ civil: CivilTime) -> Instant {
        civil.instant(utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The instant of local midnight at the start of `date`.
    public func startOfDay(_ date: CivilDate) -> Instant {
        CalendarMath.join(day: date.daysSinceEpoch, second: 0, utcOffsetSeconds: utcOffsetSeconds)
    }

    /// Compares the settings only (the index is derived from them).
    public static func == (lhs: WorkCalendar, rhs: WorkCalendar) -> Bool {
        lhs.zoneName == rhs.zoneName && lhs.utcOffsetSeconds == rhs.utcOffsetSeconds
            && lhs.periods == rhs.periods && lhs.weekendDays == rhs.weekendDays
            && lhs.holidays == rhs.holidays && lhs.makeUpWorkdays == rhs.makeUpWorkdays
    }

    /// Hashes the settings only, matching `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(zoneName)
        hasher.combine(utcOffsetSeconds)
        hasher.combine(periods)
        hasher.combine(weekendDays)
        hasher.combine(holidays)
        hasher.combine(makeUpWorkdays)
    }
}

/// Why a set of calendar settings is unusable; the description is meant for an
/// operator fixing a configuration file.
public enum WorkCalendarError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The zone has no name to show.
    case emptyZoneName
    /// The offset (seconds) is beyond ±18 hours, so it cannot be a real zone.
    case offsetOutOfRange(Int)
    /// No office hours at all: working clocks would never run.
    case noWorkingPeriods
    /// A period that does not end after it starts.
    case emptyPeriod(WorkingPeriod)
    /// The second period starts before the first one ends.
    case periodsOverlapOrUnsorted(WorkingPeriod, WorkingPeriod)
    /// A weekend day outside 1 (Monday) ... 7 (Sunday).
    case weekdayOutOfRange(Int)
    /// Every weekday is a weekend day: working time would run out after the last
    /// make-up day and deadlines could not be computed.
    case noWorkingWeekday
    /// A date in both lists, which would leave its status to chance.
    case holidayAndMakeUpWorkday(CivilDate)

    /// A sentence for the operator fixing the configuration.
    public var description: String {
        switch self {
        case .emptyZoneName:
            return "the zone name is empty"
        case .offsetOutOfRange(let seconds):
            return "UTC offset \(seconds) s is beyond ±18 hours"
        case .noWorkingPeriods:
            return "there are no working periods, so no working time could ever pass"
        case .emptyPeriod(let period):
            return "working period \(period) does not end after it starts"
        case .periodsOverlapOrUnsorted(let first, let second):
            return "working periods \(first) and \(second) overlap or are out of order"
        case .weekdayOutOfRange(let day):
            return "weekend day \(day) is not a weekday number 1 (Monday) ... 7 (Sunday)"
        case .noWorkingWeekday:
            return "every weekday is a weekend day, so working time would stop after the last make-up day"
        case .holidayAndMakeUpWorkday(let date):
            return "\(date) is listed both as a holiday and as a make-up working day"
        }
    }
}
